"""The Session page's components: exercise list, entry panel, set table, coaching panel,
exercise footer, stretch offer. Each owns its widgets and state; the page wires them."""
