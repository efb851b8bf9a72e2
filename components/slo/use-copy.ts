'use client';
import { useState } from 'react';

/** Copies text to the clipboard and says "copied" for two seconds. */
export function useCopy(): { copied: boolean; copy: (text: string | undefined) => Promise<void> } {
  const [copied, setCopied] = useState(false);
  const copy = async (text: string | undefined) => {
    if (!text) return;
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return { copied, copy };
}
