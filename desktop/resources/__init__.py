"""Data files shipped inside the package (thank-you templates, the icon, demo content), so a
wheel install has them too. Read them with ``importlib.resources.files("desktop.resources")``,
never with paths relative to a source checkout."""
