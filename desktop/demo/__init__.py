from desktop.demo.fill import INTERESTS, MAX_PEOPLE, DemoError, DemoSummary, fill_demo

__all__ = ["INTERESTS", "MAX_PEOPLE", "DemoError", "DemoSummary", "fill_demo"]
