/** Hands bytes to the browser as a file download (Electron shows its save dialog). */
export function downloadFile(fileName: string, data: string, encoding: 'base64' | 'utf8', mime: string): void {
  const bytes = encoding === 'base64' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : new TextEncoder().encode(data);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
