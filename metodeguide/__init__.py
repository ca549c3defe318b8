"""The method guide's content model and renderers.

Nothing in this package knows about MkDocs: it turns the YAML under ``content/`` into validated
objects (``loading``) and those objects into Markdown and HTML (``rendering``). The only file that
talks to MkDocs is ``macros/main.py``.
"""
