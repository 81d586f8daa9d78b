/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  // geoip-lite reads its databases relative to its own folder; bundled, it would not find them.
  serverExternalPackages: ["@node-rs/argon2", "pino", "mysql2", "geoip-lite", "@gutenye/ocr-node", "onnxruntime-node"],
  experimental: {
    // The login form posts here; the body limit stays the default (1 MB).
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default nextConfig;
