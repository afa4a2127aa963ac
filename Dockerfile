# The web service of docker-compose.yml: gunicorn serving Bro, static files by WhiteNoise.
# It installs requirements-prod.lock: the same versions as requirements.lock, without the dev
# and test tools (`make lock` writes both). .dockerignore keeps local state out of the image.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PORT=8000

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext apertium apertium-swe-dan \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 bro

WORKDIR /app
COPY requirements-prod.lock .
RUN pip install --no-cache-dir -r requirements-prod.lock

COPY --chown=bro:bro . .
RUN SECRET_KEY=build-only python manage.py compilemessages --ignore=.venv \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && install -d -o bro -g bro /app/open-data \
    && install -d -m 0700 -o bro -g bro /app/private-uploads

USER bro
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && gunicorn config.wsgi:application --bind 0.0.0.0:${PORT} --workers 3 --access-logfile -"]
