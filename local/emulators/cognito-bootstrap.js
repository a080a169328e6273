// Runs cognito-local (argv[2]) and exits when stdin closes, i.e. when the parent Node process dies.
require('../stdin-lifeline.cjs');
require(process.argv[2]);
