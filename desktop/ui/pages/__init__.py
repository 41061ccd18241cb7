"""The main window's sections. Each page is a QWidget built as Page(services, tasks) with a
refresh() that loads its data on a worker, and a `changed` signal when it altered the store."""
