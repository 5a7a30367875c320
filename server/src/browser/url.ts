/**
 * `node:url` for the browser build: the two functions the shared code uses, on the web's URL. In a browser there is
 * no file system, so they only matter for `file:` URIs an editor may still send.
 */
export function pathToFileURL(path: string): URL {
  const url = new URL('file:///');
  url.pathname = path.replace(/\\/g, '/');
  return url;
}

export function fileURLToPath(uri: string | URL): string {
  const url = typeof uri === 'string' ? new URL(uri) : uri;
  if (url.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  return decodeURIComponent(url.pathname);
}
