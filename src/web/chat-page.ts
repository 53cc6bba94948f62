import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type restify from 'restify';
import { pathway } from '../content';
import { privacyHint } from '../view/strings';

/**
 * The local chat page (case-model §4, `GET /`): Web Chat from node_modules talking to `/api/messages`
 * through a Direct-Line-shaped object (static/directline.js) with `deliveryMode: "expectReplies"`.
 * Registered only in local mode (no Microsoft credentials, loopback only); nothing comes from the internet.
 */

export const productName = 'BCBM Consult';
export const disclaimerLine = 'Decision support only — does not replace clinical judgement';

/** Browser files served from this folder; plain JS and CSS, no build step (next to the compiled file or in src/). */
const staticDir = [
  path.join(__dirname, 'static'),
  path.resolve(__dirname, '../../../src/web/static'), // dist/src/web → src/web/static
].find((dir) => {
  try {
    return statSync(path.join(dir, 'directline.js')).isFile();
  } catch {
    return false;
  }
});

const ownFiles: Record<string, string> = {
  'directline.js': 'text/javascript; charset=utf-8',
  'chat.js': 'text/javascript; charset=utf-8',
  'chat.css': 'text/css; charset=utf-8',
};

/** Security headers for everything the page loads. */
const baseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The hash of an empty <style> element. Web Chat 4.18 hands the nonce to its own emotion instance but
 * not to react-scroll-to-bottom's, which inserts an empty <style> and fills it through the CSSOM
 * (insertRule, which CSP does not check). Admitting the empty element keeps inline style text out.
 */
const emptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * Only this origin. Web Chat writes its styles into <style> elements at run time (emotion), admitted
 * by the per-response nonce handed to it in chat.js; React and Adaptive Cards set styles through the
 * CSSOM. Web Chat turns its bundled spinner and typing GIFs into blob: URLs.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${emptyStyleHash}`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function chatPageHtml(nonce: string): string {
  const n = escapeHtml(nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(productName)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/webchat/chat.css">
</head>
<body>
<header class="app-header">
  <div class="app-bar">
    <div class="app-title">
      <h1>${escapeHtml(productName)}</h1>
      <p class="app-subtitle">${escapeHtml(pathway.title)}</p>
    </div>
    <button type="button" id="new-consult" class="app-button">New consult</button>
  </div>
  <p class="app-disclaimer" role="note"><strong>${escapeHtml(disclaimerLine)}.</strong> ${escapeHtml(privacyHint)}</p>
</header>
<main id="webchat" aria-label="Consult chat"></main>
<noscript><p class="app-noscript">The consult chat needs JavaScript.</p></noscript>
<script src="/webchat/webchat.js"></script>
<script src="/webchat/directline.js"></script>
<script src="/webchat/chat.js" nonce="${n}"></script>
</body>
</html>
`;
}

interface FileInfo {
  file: string;
  size: number;
  etag: string;
  lastModified: string;
}

function fileInfo(file: string, version: string): FileInfo {
  const stat = statSync(file);
  const etag = `"${createHash('sha1').update(`${version}:${stat.size}:${stat.mtimeMs}`).digest('hex').slice(0, 20)}"`;
  return { file, size: stat.size, etag, lastModified: stat.mtime.toUTCString() };
}

/** Streams a file with validators; `If-None-Match` gets a 304. */
async function sendFile(
  req: restify.Request,
  res: restify.Response,
  info: FileInfo,
  contentType: string,
  cacheControl: string,
): Promise<void> {
  const headers = {
    ...baseHeaders,
    ETag: info.etag,
    'Last-Modified': info.lastModified,
    'Cache-Control': cacheControl,
  };
  if (req.headers['if-none-match'] === info.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': contentType, 'Content-Length': String(info.size) });
  await pipeline(createReadStream(info.file), res).catch(() => res.destroy());
}

/** Adds `GET /` and the files it loads. Call it only in local mode. */
export function registerWebChat(server: restify.Server): void {
  if (!staticDir) throw new Error('chat page files not found (src/web/static)');
  // The package's "exports" map hides dist/ from require.resolve: find the package folder from its main file.
  const webChatDir = path.resolve(path.dirname(require.resolve('botframework-webchat')), '..');
  const { version } = JSON.parse(readFileSync(path.join(webChatDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const webChat = fileInfo(path.join(webChatDir, 'dist', 'webchat.js'), version);

  server.get('/', async (_req, res) => {
    const nonce = randomBytes(16).toString('base64');
    const body = chatPageHtml(nonce);
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Content-Security-Policy': contentSecurityPolicy(nonce),
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });

  // Web Chat's own bundle: large and fixed for an installed version, so browsers may keep it a day.
  server.get('/webchat/webchat.js', async (req, res) => {
    await sendFile(req, res, webChat, 'text/javascript; charset=utf-8', 'public, max-age=86400');
  });

  for (const [name, contentType] of Object.entries(ownFiles)) {
    const file = path.join(staticDir, name);
    // Our own files change while developing: the browser revalidates every time (a 304 when unchanged).
    server.get(`/webchat/${name}`, async (req, res) => {
      await sendFile(req, res, fileInfo(file, 'own'), contentType, 'no-cache');
    });
  }
}
