"""Log formats."""
import logging


class OneLineFormatter(logging.Formatter):
    """The message on one line, without traceback: for errors anyone can trigger at will (a
    forged Host header), where a traceback per request would flood the log and hide the rest.
    Line breaks in the message are escaped, so a crafted value cannot forge a log line."""

    def format(self, record):
        # A copy without the exception: another handler may already have cached its traceback text.
        bare = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None, "stack_info": None})
        return super().format(bare).rstrip().replace("\r", "\\r").replace("\n", "\\n")
