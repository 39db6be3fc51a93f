// The compiled addon (node-gyp, at npm install); trim() returns whether glibc gave memory back.
module.exports = require('./build/Release/malloc_trim.node');
