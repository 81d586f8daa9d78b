// The accounts every e2e test can rely on; global setup makes sure they exist.
export const admin = {
  username: "admin",
  password: process.env.FACET_ADMIN_PASSWORD || "facet-admin",
  storage: "e2e/.auth/admin.json",
};
export const normalUser = { username: "e2e-user", password: "e2e-user-password", storage: "e2e/.auth/user.json" };
export const disabledUser = { username: "e2e-disabled", password: "e2e-disabled-password" };
