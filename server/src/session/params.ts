/**
 * Request parameters come from any client and may be malformed: these read them or answer InvalidParams,
 * so a handler never fails on a missing field with an internal error.
 */
import { ErrorCodes, ResponseError, type Position } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';

type Params = Record<string, unknown>;

/** The request's params as an object, or InvalidParams. */
export function paramsObject(params: unknown): Params {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) throw invalid('params must be an object');
  return params as Params;
}

/** `params.textDocument.uri`, or InvalidParams. */
export function documentUri(params: unknown): string {
  const doc = paramsObject(params).textDocument;
  const uri = doc !== null && typeof doc === 'object' ? (doc as Params).uri : undefined;
  if (typeof uri !== 'string') throw invalid('textDocument.uri must be a string');
  return uri;
}

/** `params.position` (two non-negative integers), or InvalidParams. */
export function position(params: unknown): Position {
  const p = paramsObject(params).position;
  const { line, character } = p !== null && typeof p === 'object' ? (p as Params) : ({} as Params);
  if (!isIndex(line) || !isIndex(character)) throw invalid('position must have a line and a character');
  return { line, character };
}

/** The path of a `file:` URI, or null for other schemes and URIs Node cannot map (`file://host/…`). */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 31;

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}
