"""Data files shipped inside the package (thank-you templates, the icon, demo content), so a
wheel install and the bundle have them too. Read them with ``desktop.resource("resources",
…)``, never with paths relative to a source checkout. ``share/`` is laid out as
``~/.local/share`` is: the desktop entry, the AppStream metadata and the icon in the hicolor
sizes (see desktop.platform.desktop_entry)."""
