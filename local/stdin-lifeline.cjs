// The stdin lifeline of local child processes: exit when stdin closes, i.e. when the parent (which
// holds the other end of the pipe) dies, however it dies (even SIGKILL). Require it first, or preload
// it: `node --require local/stdin-lifeline.cjs app.js`.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
