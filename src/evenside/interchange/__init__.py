"""Reading and writing files (library data, other apps' exports, our CSV); no Qt, no database."""
