import fs = require('fs');
import * as path from 'path';
import { deferStringify, prep, stableStringify } from './stable-json';

/**
 * cdktf 0.21 writes each stack's cdk.tf.json as `fs.writeFileSync(file, stringify(json, { space: 2 }))`
 * (synthesize/synthesizer.js): the whole text is one string, which writing flattens into one more copy and then
 * encodes into a third; a 2000-node cluster's 27 MB text so took three fresh 27 MB blocks of memory, and every fresh
 * page costs a fault. {@link streamStackFiles} writes the same bytes in pieces of about a megabyte instead: while a
 * stack synthesizes, the stringify call returns a stand-in string and the write of that stand-in writes the JSON
 * to the file piece by piece, each piece a resource or data source written by {@link stableStringify}.
 * A stand-in that is not written by the end of the stack's synthesis is an error, never a file with the stand-in in it.
 * @see https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/synthesize/synthesizer.ts
 */

/** Levels of plain objects written key by key (the stack, its blocks, their types); deeper values in one piece. */
const SPLIT_LEVELS = 3;
/** Characters gathered before a write. */
const PIECE = 1 << 20;

/**
 * Makes each stack's cdk.tf.json be written in pieces (see above). Needs the json-stable-stringify stand-in of
 * core/stable-json.ts in cdktf's place. Returns whether it did.
 */
export function streamStackFiles(cdktfDir: string): boolean {
  let proto: { synthesize?: (session: unknown) => unknown; streamsStackFiles?: boolean };
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    proto = require(path.join(cdktfDir, 'lib', 'synthesize', 'synthesizer.js')).StackSynthesizer.prototype;
  } catch {
    return false;
  }
  const synthesize = proto?.synthesize;
  if (typeof synthesize !== 'function' || proto.streamsStackFiles) return false;
  proto.synthesize = function streamingSynthesize(this: unknown, session: unknown): unknown {
    const pending = new Map<string, unknown>();
    // The module object itself (synthesizer.js calls `fs.writeFileSync` on it), put back when the stack is written.
    const fsModule = fs as unknown as { writeFileSync: (...a: unknown[]) => void };
    const write = fsModule.writeFileSync;
    const outer = deferStringify((obj, opts) => {
      if (!isSpace2(opts) || !plainObject(obj)) return undefined;
      const standIn = `\u0000cdk.tf.json ${pending.size} ${Math.random()}\u0000`;
      pending.set(standIn, obj);
      return standIn;
    });
    fsModule.writeFileSync = function writeFileSync(this: unknown, file: unknown, data: unknown, ...rest: unknown[]): void {
      if (typeof data === 'string' && pending.has(data)) {
        const obj = pending.get(data);
        pending.delete(data);
        writeJsonFile(file as fs.PathOrFileDescriptor, obj);
        return;
      }
      write.call(this, file, data, ...rest);
    };
    try {
      const result = synthesize.call(this, session);
      if (pending.size > 0) throw new Error(`internal error: ${pending.size} deferred JSON text(s) were not written by the stack synthesis`);
      return result;
    } finally {
      fsModule.writeFileSync = write;
      deferStringify(outer);
    }
  };
  proto.streamsStackFiles = true;
  return true;
}

/** Writes `obj` as json-stable-stringify writes it with `{ space: 2 }`, to `file`, piece by piece. */
export function writeJsonFile(file: fs.PathOrFileDescriptor, obj: unknown): void {
  const fd = typeof file === 'number' ? file : fs.openSync(file, 'w');
  try {
    let pieces: string[] = [];
    let size = 0;
    const flush = () => {
      if (size === 0) return;
      fs.writeSync(fd, pieces.join(''));
      pieces = [];
      size = 0;
    };
    const emit = (s: string) => {
      pieces.push(s);
      size += s.length;
      if (size >= PIECE) flush();
    };
    writeValue(obj, 0, emit, []);
    flush();
  } finally {
    if (typeof file !== 'number') fs.closeSync(fd);
  }
}

/** Writes `raw` at nesting `level`; false when it writes nothing (undefined, a function). */
function writeValue(raw: unknown, level: number, emit: (s: string) => void, seen: object[]): boolean {
  const v = prep(raw);
  if (level < SPLIT_LEVELS && plainObject(v)) {
    if (seen.includes(v as object)) throw new TypeError('Converting circular structure to JSON');
    seen.push(v as object);
    const inner = `\n${'  '.repeat(level + 1)}`;
    let first = true;
    emit('{');
    for (const k of Object.keys(v as object).sort()) {
      const child = (v as Record<string, unknown>)[k];
      const text = level + 1 < SPLIT_LEVELS && plainObject(child) ? null : leafText(child, level + 1);
      if (text === undefined) continue;
      emit(`${first ? '' : ','}${inner}${JSON.stringify(k)}: `);
      first = false;
      if (text === null) writeValue(child, level + 1, emit, seen);
      else emit(text);
    }
    emit(`\n${'  '.repeat(level)}}`);
    seen.pop();
    return true;
  }
  const text = leafText(v, level);
  if (text === undefined) return false;
  emit(text);
  return true;
}

/** `value`'s text at nesting `level` (stableStringify's, every line after the first indented), or undefined. */
function leafText(value: unknown, level: number): string | undefined {
  const text = stableStringify(value, { space: 2 });
  return text === undefined || level === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(level)}`);
}

function plainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

const isSpace2 = (opts: unknown): boolean => typeof opts === 'object' && opts !== null && Object.keys(opts).length === 1
  && (opts as { space?: unknown }).space === 2;
