// Safe to import from client components. An area gets an entry when it lands, never before.
import {
  Activity,
  Boxes,
  BrainCircuit,
  Building2,
  KeyRound,
  LayoutDashboard,
  LogIn,
  ScrollText,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { MessageKey } from "@/lib/i18n/translate";

export interface NavItem {
  href: string;
  label: MessageKey;
  icon: LucideIcon;
  sysadminOnly?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "nav.overview", icon: LayoutDashboard },
  { href: "/tenants", label: "nav.tenants", icon: Building2 },
  { href: "/models", label: "models.catalog.nav", icon: BrainCircuit },
  { href: "/audit", label: "nav.audit", icon: ScrollText },
  { href: "/clusters", label: "nav.clusters", icon: Boxes, sysadminOnly: true },
  { href: "/users", label: "nav.users", icon: Users, sysadminOnly: true },
  { href: "/auth-sources", label: "nav.authSources", icon: LogIn, sysadminOnly: true },
  { href: "/system", label: "nav.system", icon: Activity, sysadminOnly: true },
  { href: "/account/tokens", label: "nav.tokens", icon: KeyRound },
];
