"""Anonymous candidates browsing the site, for locust (bench/load/run.py starts everything).

Each simulated person waits 2 to 5 seconds between two pages and picks the next one with these
weights (out of 100):

    offre              25  an open offer's page
    recherche texte    14  /offres/?q=… (a word of the offers' titles or a candidate's phrase),
                           sometimes with a filter, a sort or page 2
    recherche filtres  14  /offres/ with one or two filters (employer, métier, contract, region,
                           remote work, experience), sometimes page 2
    accueil            12  the home page
    suggestions        12  /offres/suggestions?q=… on the first letters of a word, as typed
    employeur           8  an employer's page (/employeurs/<slug>/)
    employeurs          3  the employers' index
    flux RSS            6  /offres/flux.rss, the whole list or a search's
    recherche site      3  /recherche/?q=…
    plan du site        3  /sitemap.xml

The values (offer addresses, employer pages, filter codes, words) come from the site's database:
run.py writes them to the JSON file named by METNUM_LOAD_CATALOGUE before locust starts.

Every request goes on a new connection (`Connection: close`), as behind the production proxy: nginx
speaks to gunicorn without keep-alive unless told to. With keep-alive, gunicorn closes a connection
idle for 2 seconds (its `--keep-alive` default) just as a person who waited 2 seconds sends the next
request on it: the first full run failed 4 % of its requests with "Connection reset by peer" that way.
"""

import json
import os
import random

from locust import HttpUser, between, task

with open(os.environ["METNUM_LOAD_CATALOGUE"], encoding="utf-8") as file:
    CATALOGUE = json.load(file)

PHRASES = [
    "développeur",
    "développeuse python",
    "data",
    "cybersécurité",
    "chef de projet",
    "designer",
    "devops",
    "administrateur systèmes",
    "alternance",
    "télétravail",
    "lyon",
    "bretagne",
    "accessibilité",
    "product owner",
]


def text():
    if random.random() < 0.5:
        return random.choice(PHRASES)
    return random.choice(CATALOGUE["words"])


def some_filters(count):
    names = random.sample(sorted(CATALOGUE["facets"]), count)
    return [(name, random.choice(CATALOGUE["facets"][name])) for name in names]


class Candidate(HttpUser):
    wait_time = between(2, 5)

    def on_start(self):
        self.client.headers["Connection"] = "close"

    @task(25)
    def offer(self):
        self.client.get(random.choice(CATALOGUE["offers"]), name="offre")

    @task(14)
    def text_search(self):
        params = [("q", text())]
        if random.random() < 0.3:
            params += some_filters(1)
        if random.random() < 0.2:
            params.append(("tri", random.choice(["date", "echeance", "salaire"])))
        if random.random() < 0.15:
            params.append(("page", "2"))
        self.client.get("/offres/", params=params, name="recherche texte")

    @task(14)
    def filtered_search(self):
        params = some_filters(random.choice([1, 1, 2]))
        if random.random() < 0.15:
            params.append(("page", "2"))
        self.client.get("/offres/", params=params, name="recherche filtres")

    @task(12)
    def home(self):
        self.client.get("/", name="accueil")

    @task(12)
    def suggestions(self):
        word = random.choice(CATALOGUE["words"] + PHRASES)
        self.client.get("/offres/suggestions", params={"q": word[: random.randint(3, 6)]}, name="suggestions")

    @task(8)
    def employer(self):
        self.client.get(random.choice(CATALOGUE["employers"]), name="employeur")

    @task(3)
    def employers(self):
        self.client.get("/employeurs/", name="employeurs")

    @task(6)
    def feed(self):
        params = [("q", text())] if random.random() < 0.5 else []
        self.client.get("/offres/flux.rss", params=params, name="flux RSS")

    @task(3)
    def site_search(self):
        self.client.get("/recherche/", params={"q": text()}, name="recherche site")

    @task(3)
    def sitemap(self):
        self.client.get("/sitemap.xml", name="plan du site")
