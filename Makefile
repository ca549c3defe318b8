# make serve | make test | make build  (see README.md). Each target installs what it needs.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
PYTHON_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
LIBREOFFICE := /usr/bin/soffice
NGINX := /usr/sbin/nginx
JAVA := /usr/bin/java
SYSTEM_STAMP := $(VENV)/.system-packages
# WeasyPrint (the forms' PDFs) draws text with the machine's Pango, in DejaVu Sans.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test quick build benchmark clean

serve: $(PYTHON_STAMP) $(SYSTEM_STAMP)
	$(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(PYTHON_STAMP) $(SYSTEM_STAMP)
	$(PYTHON) scripts/build.py

test: $(PYTHON_STAMP) $(SYSTEM_STAMP) $(NODE_STAMP) $(CHROMIUM) $(LIBREOFFICE) $(NGINX) $(JAVA)
	$(PYTHON) -m pytest

# The unit tests alone: no build, no browser, no WeasyPrint, no LibreOffice (about 15 s).
quick: $(PYTHON_STAMP)
	$(PYTHON) -m pytest -m "not browser and not weasyprint and not libreoffice"

# Lighthouse, page weight, build and test times, written into README.md (about 20 minutes; not a test).
benchmark: $(PYTHON_STAMP) $(SYSTEM_STAMP) $(NODE_STAMP) $(CHROMIUM) $(LIBREOFFICE) $(NGINX) $(JAVA)
	$(PYTHON) scripts/benchmark.py

clean:
	rm -rf site .site-* $(VENV) node_modules .pytest_cache

$(PYTHON_STAMP): requirements.txt
	python3 -m venv $(VENV) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; }
	npm ci --no-audit --no-fund --silent
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium

$(SYSTEM_STAMP): $(PYTHON_STAMP)
	dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES); }
	touch $@

# The tests open every Word file in LibreOffice too, as a second, independent reader.
$(LIBREOFFICE):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui

# The tests serve the site with deploy/nginx.conf, as a municipality would. They start nginx
# themselves; the system's own nginx service, which the package starts where systemd runs, is stopped.
$(NGINX):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends nginx
	-command -v systemctl >/dev/null && $(SUDO) systemctl disable --now nginx 2>/dev/null

# The W3C Nu HTML checker (npm's vnu-jar) runs on Debian's Java.
$(JAVA):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends default-jre-headless
