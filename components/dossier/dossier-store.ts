"use client";
/**
 * « Mon dossier » kept in this browser (localStorage, no account): the entries in order, each with
 * its note. Every tab and component reads it through `useDossier`, which follows changes made
 * elsewhere (other components, other tabs).
 */
import { useSyncExternalStore } from "react";
import { DOSSIER_MAX_ENTRIES, type DossierEntry, entryKey, type NotedEntry } from "@/lib/dossier/keys";

const STORAGE_KEY = "reperes-dossier";
const CHANGE_EVENT = "reperes-dossier-change";
const EMPTY: NotedEntry[] = [];

let cachedRaw: string | null = null;
let cachedEntries: NotedEntry[] = EMPTY;

function isEntry(value: unknown): value is NotedEntry {
  const entry = value as Partial<NotedEntry> | null;
  return (
    !!entry &&
    (entry.kind === "initiative" || entry.kind === "lesson") &&
    typeof entry.slug === "string" &&
    /^[a-z0-9-]{1,100}$/.test(entry.slug) &&
    typeof entry.note === "string"
  );
}

function read(): NotedEntry[] {
  const raw = window.localStorage.getItem(STORAGE_KEY);
  if (raw === cachedRaw) return cachedEntries;
  cachedRaw = raw;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    cachedEntries = Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, DOSSIER_MAX_ENTRIES) : EMPTY;
  } catch {
    // Written by hand or by an older version: start again rather than break every page.
    cachedEntries = EMPTY;
  }
  return cachedEntries;
}

export function saveDossier(entries: NotedEntry[]) {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(entries.map(({ kind, slug, note }) => ({ kind, slug, note }))));
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** The entries, or `null` while the page is rendered on the server and hydrated (the browser's copy is unknown). */
export function useDossier(): NotedEntry[] | null {
  return useSyncExternalStore(subscribe, read, () => null);
}

export const contains = (entries: NotedEntry[], entry: DossierEntry) => entries.some((other) => entryKey(other) === entryKey(entry));

/** Adds the entries not already there, at the end, as far as the cap allows; false when some did not fit. */
export function addToDossier(entries: NotedEntry[], added: NotedEntry[]): boolean {
  const fresh = added.filter((entry) => !contains(entries, entry));
  const next = [...entries, ...fresh].slice(0, DOSSIER_MAX_ENTRIES);
  saveDossier(next);
  return next.length === entries.length + fresh.length;
}
