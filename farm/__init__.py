"""Offline farm of simulated Bắc Ninh portals and its ground truth (see docs/farm.md)."""
