// Row 1, the ceiling: bare node:http answering a fixed JSON body (the body GET /asset answered),
// so every other row is compared against "the same bytes with no framework, auth or store".
const { createServer } = require('node:http');
const { readFileSync } = require('node:fs');

// Exits when stdin closes, i.e. when the bench dies however it dies.
require('../../local/stdin-lifeline.cjs');

const body = readFileSync(process.argv[2]);
const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');
