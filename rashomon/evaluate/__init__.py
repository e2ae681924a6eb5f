"""Evaluation on public benchmarks with gold answers (see ../shared/benchmarks)."""
