/** What a marketing site or an SPA's catch-all route answers to any request: a web page, 200. */
const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Acme Recipes</title></head>
  <body><div id="root"><h1>Acme Recipes</h1><p>Cook something great tonight.</p></div></body>
</html>
`;

export async function handleHtmlPage(): Promise<Response> {
  return new Response(PAGE, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}
