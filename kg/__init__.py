"""policy-kg: tech-policy news into a knowledge graph of who does what to whom.

The library API lives in :mod:`kg.api` (``ingest``, ``extract``, ``query``,
``viz``); each pipeline stage has its own module: :mod:`kg.read`,
:mod:`kg.recognise`, :mod:`kg.resolve`, :mod:`kg.relate`, :mod:`kg.load`,
:mod:`kg.store`, :mod:`kg.viz`. Importing this package loads no model.
"""

__version__ = "0.1.0"
