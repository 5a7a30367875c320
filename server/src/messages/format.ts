/** Figures as both languages write them. */

/** A size in MB, rounded up (to a tenth below 10 MB) so that a file just over a limit never reads as the limit itself. */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.ceil(mb) : Math.ceil(mb * 10) / 10} MB`;
}
