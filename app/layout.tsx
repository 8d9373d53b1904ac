import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Reactor starter",
  description: "Stream a real-time Reactor model into a Next.js app.",
};

export const viewport: Viewport = {
  colorScheme: "dark",
  themeColor: "#0b0d10",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className="scheme-dark">
      <body className="bg-page text-fg">{children}</body>
    </html>
  );
}
