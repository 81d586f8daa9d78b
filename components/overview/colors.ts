// Series colours that read on both themes.
export const SERIES_COLORS = {
  allocated: "var(--color-primary)",
  used: "#059669",
  pods: "#d97706",
  errors: "var(--color-destructive)",
} as const;
