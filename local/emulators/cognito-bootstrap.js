// Runs cognito-local (argv[2]) and exits when stdin closes, i.e. when the parent Node process dies.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
require(process.argv[2]);
