import type { ReactNode } from "react";
import "@/app/admin/admin.css";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return children;
}
