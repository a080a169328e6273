// rxjs/operators: see index.js.
module.exports = require('./index.js');
