"""The desktop around the window: tray, notifications, timers, one instance, GC policy."""
