// Entry of widget.js: placeholder until the core lands.
export {}
