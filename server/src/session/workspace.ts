/** The client's workspace folders: which folder a document belongs to, its path relative to it (for `exclude`), and what to watch. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileSystemWatcher, InitializeParams } from 'vscode-languageserver';
import { hasMagic } from '../util/glob';
import { filePathOf } from './params';

export class Workspace {
  folders: string[] = [];

  /** Take the folders from `initialize`: its workspace folders, else its root. */
  initialize(params: InitializeParams): void {
    const uris = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!uris.length && params.rootUri) uris.push(params.rootUri);
    this.folders = uris.flatMap((u) => {
      const p = typeof u === 'string' ? filePathOf(u) : null;
      return p ? [p] : [];
    });
  }

  /** The folder holding a file, if any. */
  folderOf(file: string): string | undefined {
    return this.folders.find((f) => file.startsWith(f + path.sep));
  }

  /** A document's absolute path (for file URIs) and its path relative to its workspace folder (for `exclude`). */
  pathsOf(uri: string): { absolute?: string; relative: string } {
    const absolute = filePathOf(uri);
    if (!absolute) return { relative: uri.replace(/^[a-z]+:/, '') };
    const folder = this.folderOf(absolute);
    return { absolute, relative: folder ? path.relative(folder, absolute).split(path.sep).join('/') : absolute };
  }

  /** Watchers for a file at each folder's root (the project file). */
  projectConfigWatchers(name: string, relativePatterns: boolean): FileSystemWatcher[] {
    if (relativePatterns) return this.folders.map((f) => ({ globPattern: { baseUri: pathToFileURL(f).toString(), pattern: name } }));
    return this.folders.length ? this.folders.map((f) => ({ globPattern: `${f}/${name}` })) : [{ globPattern: `**/${name}` }];
  }

  /** File watchers for the user's card paths: folders become `folder/**`; relative patterns per workspace folder when the client supports them. */
  cardWatchers(cardPaths: readonly string[], relativePatterns: boolean): FileSystemWatcher[] {
    const globs = cardPaths.flatMap((p) => (hasMagic(p) ? [p] : [p, `${p.replace(/\/$/, '')}/**`]));
    if (this.folders.length && relativePatterns) {
      return this.folders.flatMap((f) => globs.map((g) => ({ globPattern: { baseUri: pathToFileURL(f).toString(), pattern: g } })));
    }
    return globs.map((g) => ({ globPattern: path.isAbsolute(g) || !this.folders.length ? g : `${this.folders[0]}/${g}` }));
  }
}
