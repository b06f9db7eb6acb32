import type { Metadata } from "next";
import Link from "next/link";
import type { z } from "zod";
import { endpoints } from "@/lib/api/openapi";
import { RATE_LIMIT } from "@/lib/api/rate-limit";
import { csvColumns } from "@/lib/opendata/exports";
import { LICENCE } from "@/lib/opendata/site";
import { openGraph } from "@/lib/opendata/structured-data";

export const metadata: Metadata = {
  title: "API et données ouvertes",
  description: "Réutiliser les données de Repères : exports CSV et JSON, API JSON en lecture seule, flux Atom, sous Licence Ouverte 2.0.",
  openGraph: openGraph({ title: "API et données ouvertes de Repères", path: "/api" }),
};

function parameterDescriptions(query: z.ZodObject) {
  return Object.entries(query.shape as Record<string, z.ZodType>).map(([name, schema]) => ({
    name,
    description: schema.description ?? "",
  }));
}

export default function ApiPage() {
  return (
    <div className="container prose">
      <h1>API et données ouvertes</h1>
      <p className="lead">
        Les données publiées de Repères (initiatives, acteurs, thèmes, approches, territoires, enseignements) sont réutilisables librement,
        y compris à des fins commerciales, en citant la source « Repères – IREV » et la date de mise à jour.
      </p>

      <section aria-labelledby="licence">
        <h2 id="licence">Licence</h2>
        <p>
          Les données sont publiées sous la <a href={LICENCE.url}>{LICENCE.name}</a> (Etalab). Les exports JSON et les réponses de
          l&apos;API portent la licence dans leurs métadonnées (champ <code>licence</code>) ; les téléchargements CSV l&apos;annoncent dans
          l&apos;en-tête HTTP <code>Link: &lt;…&gt;; rel=&quot;license&quot;</code>, un fichier CSV n&apos;ayant pas de place pour des
          métadonnées.
        </p>
        <p>
          Seules les fiches publiées sont diffusées. Les coordonnées d&apos;une personne à contacter (d&apos;un acteur ou d&apos;une
          initiative) n&apos;apparaissent que si son accord est enregistré, et jamais dans les données structurées des pages ; celles
          d&apos;une structure (adresse, téléphone, e-mail, site web) sont publiques. Voir{" "}
          <a href="/donnees-personnelles">Données personnelles</a>.
        </p>
      </section>

      <section aria-labelledby="exports">
        <h2 id="exports">Exporter une sélection</h2>
        <p>
          Sur la page <Link href="/initiatives">Initiatives</Link>, filtrez puis choisissez « Exporter » : le fichier contient toutes les
          initiatives de la sélection, pas seulement la page affichée. Les adresses acceptent exactement les paramètres de la page :
        </p>
        <ul>
          <li>
            <a href="/initiatives/export.csv?territoire=200068047">
              <code>/initiatives/export.csv?territoire=200068047</code>
            </a>{" "}
            : tableur CSV en UTF-8 avec BOM, séparateur point-virgule, une ligne par initiative, valeurs multiples séparées par « | ».
          </li>
          <li>
            <a href="/initiatives/export.json?territoire=200068047">
              <code>/initiatives/export.json?territoire=200068047</code>
            </a>{" "}
            : JSON, <code>metadata</code> (licence, source, date) puis <code>initiatives</code>, au format <code>Initiative</code> de
            l&apos;API.
          </li>
        </ul>
        <table>
          <caption>Colonnes du CSV et champ JSON correspondant</caption>
          <thead>
            <tr>
              <th scope="col">Colonne CSV</th>
              <th scope="col">Champ JSON</th>
            </tr>
          </thead>
          <tbody>
            {csvColumns.map((column) => (
              <tr key={column.header}>
                <td>{column.header}</td>
                <td>
                  <code>{column.field}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Une cellule qui commencerait par =, +, - ou @ est précédée d&apos;une apostrophe, pour qu&apos;un tableur ne l&apos;exécute pas
          comme une formule.
        </p>
      </section>

      <section aria-labelledby="api">
        <h2 id="api">API JSON</h2>
        <p>
          Adresse de base : <code>/api/v1</code>, en lecture seule, sans clé. Description complète au format OpenAPI 3.1 :{" "}
          <a href="/api/v1/openapi.json">
            <code>/api/v1/openapi.json</code>
          </a>
          . Les noms de champs sont en anglais et stables ; les paramètres reprennent ceux des pages du site.
        </p>
        {endpoints.map((endpoint) => {
          const parameters = parameterDescriptions(endpoint.query);
          return (
            <section key={endpoint.path} aria-labelledby={`endpoint-${endpoint.operationId}`}>
              <h3 id={`endpoint-${endpoint.operationId}`}>
                <code>GET /api/v1{endpoint.path}</code>
              </h3>
              <p>{endpoint.summary}.</p>
              {endpoint.description && <p>{endpoint.description}</p>}
              {parameters.length > 0 && (
                <table>
                  <caption>Paramètres de {endpoint.path}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Paramètre</th>
                      <th scope="col">Description</th>
                    </tr>
                  </thead>
                  <tbody>
                    {parameters.map((parameter) => (
                      <tr key={parameter.name}>
                        <td>
                          <code>{parameter.name}</code>
                        </td>
                        <td>{parameter.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          );
        })}
        <h3>Exemple</h3>
        <pre>
          <code>curl &quot;https://…/api/v1/initiatives?territoire=200068047&amp;approche=testing&amp;par_page=50&quot;</code>
        </pre>
      </section>

      <section aria-labelledby="regles">
        <h2 id="regles">Règles de l&apos;API</h2>
        <ul>
          <li>
            <strong>Paramètres stricts</strong> : un paramètre inconnu, répété à tort ou mal formé donne une erreur 400 au format{" "}
            <code>application/problem+json</code>, dont le champ <code>parameter</code> nomme le paramètre et <code>detail</code> explique
            l&apos;erreur en français. Les pages du site, elles, ignorent ce qu&apos;elles ne comprennent pas.
          </li>
          <li>
            <strong>Cache</strong> : chaque réponse porte <code>ETag</code> et <code>Last-Modified</code> ; renvoyez-les dans{" "}
            <code>If-None-Match</code> ou <code>If-Modified-Since</code> pour obtenir une réponse 304 vide tant que les données n&apos;ont
            pas changé.
          </li>
          <li>
            <strong>Débit</strong> : {RATE_LIMIT.capacity} requêtes d&apos;affilée par adresse IP, puis {RATE_LIMIT.refillPerSecond} par
            seconde. Au-delà, réponse 429 avec l&apos;en-tête <code>Retry-After</code> (secondes). Le décompte est tenu par chaque processus
            du serveur.
          </li>
          <li>
            <strong>CORS</strong> : l&apos;API répond à toutes les origines, pour les requêtes GET.
          </li>
        </ul>
      </section>

      <section aria-labelledby="flux">
        <h2 id="flux">Flux Atom</h2>
        <ul>
          <li>
            <a href="/flux.xml">
              <code>/flux.xml</code>
            </a>{" "}
            : les dernières initiatives et les derniers enseignements publiés.
          </li>
          <li>
            <code>/initiatives/flux.xml?…</code> : les dernières initiatives publiées d&apos;une sélection, avec les paramètres de la page
            (par exemple{" "}
            <a href="/initiatives/flux.xml?territoire=200068047">
              <code>/initiatives/flux.xml?territoire=200068047</code>
            </a>
            ).
          </li>
        </ul>
      </section>

      <section aria-labelledby="fiches">
        <h2 id="fiches">Fiches imprimables</h2>
        <p>
          Chaque initiative s&apos;imprime sur A4 depuis sa page, et se télécharge en PDF à l&apos;adresse{" "}
          <code>/initiatives/&lt;identifiant&gt;/fiche.pdf</code>.
        </p>
      </section>
    </div>
  );
}
