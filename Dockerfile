# The decision aid as a container image (docs/DEPLOYMENT.md).
#   docker build -t decision-aid .
#   docker run -p 8501:8501 -v decision-aid-data:/app/data decision-aid
# Secrets (server.cookieSecret, a PostgreSQL URL with its password) are passed at run time
# as environment variables, never built in.

# Pinned: bump the patch version deliberately, then rebuild and run `make test`.
FROM python:3.11.14-slim-trixie

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DECISION_AID_DATA_DIR=/app/data

WORKDIR /app

# The app runs as this user (uid and gid 10001); it owns nothing but the data folder.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin app

# What the app needs to run (pinned), not the test tools in requirements-dev.txt.
# Every pinned package ships a wheel for Linux, so nothing is compiled.
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

# Only what the app reads at run time: the entry point, the package (with its fonts and
# migrations), the content, and the clinic settings in .streamlit/config.toml.
COPY streamlit_app.py ./
COPY .streamlit/ ./.streamlit/
COPY content/ ./content/
COPY decision_aid/ ./decision_aid/

# Saved sessions live here when no PostgreSQL URL is given (SQLite; docs/STORAGE.md).
RUN mkdir -p /app/data && chown app:app /app/data && chmod 0700 /app/data
VOLUME ["/app/data"]

# Numeric, so that a host or Kubernetes (runAsNonRoot) can tell it is not root.
USER 10001:10001

EXPOSE 8501

# The slim image has no curl; Python's standard library asks Streamlit's health endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; r = urllib.request.urlopen('http://localhost:8501/_stcore/health', timeout=4); sys.exit(0 if r.read() == b'ok' else 1)"]

CMD ["streamlit", "run", "streamlit_app.py", "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true"]
