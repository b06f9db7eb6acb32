"use client";

import type { ComponentProps } from "react";

/**
 * A file field that refuses, in the browser, a file larger than the server takes: past Next's
 * server-action limit the server could only answer a bare 413, not the French message.
 */
export function SizeCheckedFileInput({
  maxBytes,
  tooLarge,
  ...props
}: Omit<ComponentProps<"input">, "type" | "onChange"> & { maxBytes: number; tooLarge: string }) {
  return (
    <input
      {...props}
      type="file"
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.setCustomValidity(file && file.size > maxBytes ? tooLarge : "");
      }}
    />
  );
}
