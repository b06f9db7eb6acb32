import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip, type Gzip } from "node:zlib";

/**
 * The backup file: gzip of a first line naming the format, then records, each a JSON header line
 * holding `size` followed by that many bytes. Our own framing (ADR 008) because records are
 * written while PostgreSQL streams them (a table's size is unknown beforehand, which tar needs).
 */
const MAGIC = "REPERES-BACKUP 1\n";
const MAX_HEADER_BYTES = 1 << 20;

/** A backup or restore refused for a reason the operator can act on (French message, no stack). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export interface RecordHeader {
  type: string;
  size: number;
  [key: string]: unknown;
}

export class ArchiveWriter {
  private readonly gzip: Gzip = createGzip();
  private readonly finished: Promise<void>;

  constructor(file: string) {
    this.finished = pipeline(this.gzip, createWriteStream(file, { flags: "wx", mode: 0o600 }));
    // Reported by close() or the next write; never an unhandled rejection meanwhile.
    this.finished.catch(() => undefined);
    this.gzip.write(MAGIC);
  }

  async record(header: Omit<RecordHeader, "size">, body: Buffer = Buffer.alloc(0)): Promise<void> {
    await this.write(Buffer.from(`${JSON.stringify({ ...header, size: body.length })}\n`));
    if (body.length) await this.write(body);
  }

  private async write(chunk: Buffer): Promise<void> {
    if (!this.gzip.write(chunk)) await Promise.race([once(this.gzip, "drain"), this.finished]);
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.finished;
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.finished.catch(() => undefined);
  }
}

/** Bytes received but not consumed yet, kept as chunks (a large file is not copied again and again). */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer) {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  newlineIndex(): number {
    let offset = 0;
    for (const chunk of this.chunks) {
      const at = chunk.indexOf(10);
      if (at !== -1) return offset + at;
      offset += chunk.length;
    }
    return -1;
  }

  take(count: number): Buffer {
    const whole = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
    this.chunks = count < whole.length ? [whole.subarray(count)] : [];
    this.length -= count;
    return whole.subarray(0, count);
  }
}

function parseHeader(line: string): RecordHeader {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    throw new BackupError("Fichier de sauvegarde illisible (en-tête d'enregistrement invalide).");
  }
  const record = header as RecordHeader;
  if (
    typeof record !== "object" ||
    record === null ||
    typeof record.type !== "string" ||
    !Number.isSafeInteger(record.size) ||
    record.size < 0
  ) {
    throw new BackupError("Fichier de sauvegarde illisible (en-tête d'enregistrement invalide).");
  }
  return record;
}

/** The records of a backup file, in order. Throws BackupError on anything but that format. */
export async function* readArchive(file: string): AsyncGenerator<{ header: RecordHeader; body: Buffer }> {
  const queue = new ByteQueue();
  let magicSeen = false;
  let pending: RecordHeader | null = null;
  const raw = createReadStream(file);
  const input = raw.pipe(createGunzip());
  raw.once("error", (error) => input.destroy(error));
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      queue.push(chunk);
      for (;;) {
        if (!magicSeen) {
          if (queue.length < MAGIC.length) break;
          if (queue.take(MAGIC.length).toString("latin1") !== MAGIC)
            throw new BackupError("Ce fichier n'est pas une sauvegarde de Repères.");
          magicSeen = true;
        }
        if (!pending) {
          const newline = queue.newlineIndex();
          if (newline === -1) {
            if (queue.length > MAX_HEADER_BYTES) throw new BackupError("Fichier de sauvegarde illisible (en-tête trop long).");
            break;
          }
          pending = parseHeader(queue.take(newline + 1).toString("utf8"));
        }
        if (queue.length < pending.size) break;
        const header: RecordHeader = pending;
        pending = null;
        yield { header, body: queue.take(header.size) };
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if (error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "EISDIR"))
      throw new BackupError(`Fichier introuvable : ${file}`);
    if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("Z_")) {
      throw new BackupError("Ce fichier n'est pas une sauvegarde de Repères (pas au format gzip) ou il est abîmé.");
    }
    throw error;
  }
  if (!magicSeen) throw new BackupError("Ce fichier n'est pas une sauvegarde de Repères.");
  if (pending || queue.length) throw new BackupError("Fichier de sauvegarde tronqué.");
}
