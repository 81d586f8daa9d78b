/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pino", "mysql2"],
  experimental: {
    // The login form posts here; the body limit stays the default (1 MB).
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default nextConfig;
