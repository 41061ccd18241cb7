<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>the bundle in %1</source>
        <translation>el paquete autónomo de %1</translation>
    </message>
    <message>
        <source>Python %1 in %2</source>
        <translation>Python %1 en %2</translation>
    </message>
    <message>
        <source>Who to thank and what to share, once a day.</source>
        <translation>A quién agradecer y qué compartir, una vez al día.</translation>
    </message>
    <message>
        <source>Installed as %1, with Qt for Python %2.</source>
        <translation>Instalado como %1, con Qt for Python %2.</translation>
    </message>
    <message>
        <source>Your data: %1</source>
        <translation>Tus datos: %1</translation>
    </message>
    <message>
        <source>Free software under the GNU GPL, version 3 or later.</source>
        <translation>Software libre bajo la GNU GPL, versión 3 o posterior.</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
</context>
<context>
    <name>AccountDetails</name>
    <message>
        <source>No account selected</source>
        <translation>Ninguna cuenta seleccionada</translation>
    </message>
    <message>
        <source>Pick an account to see how its last sync went.</source>
        <translation>Elige una cuenta para ver cómo fue su última sincronización.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Last synced %1 (%2).</source>
        <translation>Última sincronización: %1 (%2).</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Todavía sin sincronizar.</translation>
    </message>
    <message>
        <source>Working.</source>
        <translation>Funcionando.</translation>
    </message>
    <message>
        <source>The server no longer accepts the saved sign-in: choose Sign in again.</source>
        <translation>El servidor ya no acepta el inicio de sesión guardado: elige Volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>The server asked Reciprocity to wait: %1.</source>
        <translation>El servidor pidió a Reciprocity que espere: %1.</translation>
    </message>
    <message>
        <source>The last sync failed; the next one tries again.</source>
        <translation>La última sincronización falló; la próxima lo volverá a intentar.</translation>
    </message>
    <message>
        <source>Connected on %1&apos;s computer: its token is kept there.</source>
        <translation>Conectada en el equipo de %1: su token se guarda allí.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
    <message>
        <source>Imported: %1 interactions with %2 people, from %3 to %4.</source>
        <translation>Importado: %1 interacciones con %2 personas, del %3 al %4.</translation>
    </message>
    <message>
        <source>Imported: nothing left from this export.</source>
        <translation>Importado: no queda nada de esta exportación.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>1 feed</source>
        <translation>1 fuente</translation>
    </message>
    <message numerus="yes">
        <source>%n feeds</source>
        <translation>
            <numerusform>%n fuente</numerusform>
            <numerusform>%n fuentes</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Hay que iniciar sesión</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Límite de peticiones alcanzado</translation>
    </message>
    <message>
        <source>Rate limited until %1</source>
        <translation>Límite de peticiones alcanzado hasta %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Select it and choose Sign in again</source>
        <translation>Selecciónala y elige Volver a iniciar sesión</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Add &amp;Mastodon…</source>
        <translation>Añadir &amp;Mastodon…</translation>
    </message>
    <message>
        <source>Add &amp;Bluesky…</source>
        <translation>Añadir &amp;Bluesky…</translation>
    </message>
    <message>
        <source>Add &amp;YouTube…</source>
        <translation>Añadir &amp;YouTube…</translation>
    </message>
    <message>
        <source>Your channel: the comments on its videos count as replies</source>
        <translation>Tu canal: los comentarios en sus vídeos cuentan como respuestas</translation>
    </message>
    <message>
        <source>Add &amp;feeds…</source>
        <translation>Añadir &amp;fuentes…</translation>
    </message>
    <message>
        <source>Import an ar&amp;chive…</source>
        <translation>Importar un ar&amp;chivo…</translation>
    </message>
    <message>
        <source>A data export from X, LinkedIn, Instagram or Facebook (a .zip)</source>
        <translation>Una exportación de datos de X, LinkedIn, Instagram o Facebook (un .zip)</translation>
    </message>
    <message>
        <source>Import &amp;OPML…</source>
        <translation>Importar &amp;OPML…</translation>
    </message>
    <message>
        <source>Every feed of a list exported by a feed reader</source>
        <translation>Todas las fuentes de una lista exportada desde un lector de fuentes</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>Fetch what is new from every account (F5)</source>
        <translation>Trae lo nuevo de todas las cuentas (F5)</translation>
    </message>
    <message>
        <source>Sign in &amp;again…</source>
        <translation>Volver a &amp;iniciar sesión…</translation>
    </message>
    <message>
        <source>Renew the sign-in of the selected account</source>
        <translation>Renueva el inicio de sesión de la cuenta seleccionada</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Stop syncing the selected account; its history stays (Delete)</source>
        <translation>Deja de sincronizar la cuenta seleccionada; su historial se conserva (Delete)</translation>
    </message>
    <message>
        <source>Remove &amp;with what it brought…</source>
        <translation>Quitar con lo que &amp;trajo…</translation>
    </message>
    <message>
        <source>Take out this import and everything that came only from it</source>
        <translation>Quita esta importación y todo lo que llegó solo con ella</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Where Reciprocity looks for who amplified you and what to share. Tokens stay in your keyring; removing an account keeps its history.</source>
        <translation>Donde Reciprocity busca quién difundió tus publicaciones y qué compartir. Los tokens se quedan en tu llavero; al quitar una cuenta, su historial se conserva.</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Todavía no hay cuentas</translation>
    </message>
    <message>
        <source>Add Mastodon or Bluesky to see who boosts, quotes, mentions and replies to you; add the feeds of blogs, newspapers and YouTube channels to find what to share. Nothing is ever posted without your click.</source>
        <translation>Añade Mastodon o Bluesky para ver quién comparte y cita tus publicaciones, y quién te menciona y te responde; añade las fuentes de blogs, periódicos y canales de YouTube para encontrar qué compartir. Nunca se publica nada sin que hagas clic.</translation>
    </message>
    <message>
        <source>Import OPML</source>
        <translation>Importar OPML</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Stop syncing %1? Its history stays in the ledger; the token is deleted from your keyring.</source>
        <translation>¿Dejar de sincronizar %1? Su historial se conserva en el balance; el token se borra de tu llavero.</translation>
    </message>
    <message>
        <source>Stop reading your feeds (%1)? What they brought stays; adding a feed again brings the list back.</source>
        <translation>¿Dejar de leer tus fuentes (%1)? Lo que aportaron se conserva; si vuelves a añadir una fuente, la lista regresa.</translation>
    </message>
    <message>
        <source>Remove %1? Its history stays in the ledger.</source>
        <translation>¿Quitar %1? Su historial se conserva en el balance.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Removed %1; its history stays in the ledger.</source>
        <translation>Se quitó %1; su historial se conserva en el balance.</translation>
    </message>
    <message>
        <source>Take out %1 and the %2 interactions it brought? People who came only from it go too; anyone you thanked or wrote notes about stays.</source>
        <translation>¿Quitar %1 y las %2 interacciones que trajo? También se van las personas que llegaron solo con ella; quien recibió tu agradecimiento o tiene notas tuyas se queda.</translation>
    </message>
    <message>
        <source>Took out %1: %2 interactions, %3 people who came only from it.</source>
        <translation>Se quitó %1: %2 interacciones y %3 personas que llegaron solo con ella.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync: problems with %1</source>
        <translation>Sincronización: problemas con %1</translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation>Sincronizado.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Falló la sincronización: %1</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>no archive import for %1; known: %2</source>
        <translation>no se puede importar un archivo de %1; redes admitidas: %2</translation>
    </message>
    <message>
        <source>this preview was not kept: import the file again</source>
        <translation>esta vista previa no se guardó: vuelve a importar el archivo</translation>
    </message>
    <message>
        <source>%1 in the archive is too large (%2 bytes)</source>
        <translation>%1 dentro del archivo es demasiado grande (%2 bytes)</translation>
    </message>
    <message>
        <source>%1 in the archive is not readable (line %2)</source>
        <translation>%1 dentro del archivo no se puede leer (línea %2)</translation>
    </message>
    <message>
        <source>%1 in the archive does not hold a list</source>
        <translation>%1 dentro del archivo no contiene una lista</translation>
    </message>
    <message>
        <source>X account %1</source>
        <translation>Cuenta de X %1</translation>
    </message>
    <message>
        <source>1 follower has only a number: unnamed until merged</source>
        <translation>1 seguidor solo tiene un número: sin nombre hasta que lo fusiones</translation>
    </message>
    <message numerus="yes">
        <source>%n followers have only a number: unnamed until merged</source>
        <translation>
            <numerusform>%n seguidor solo tiene un número: sin nombre hasta que lo fusiones</numerusform>
            <numerusform>%n seguidores solo tienen un número: sin nombre hasta que los fusiones</numerusform>
        </translation>
    </message>
    <message>
        <source>1 followed account has only a number: unnamed until merged</source>
        <translation>1 cuenta seguida solo tiene un número: sin nombre hasta que la fusiones</translation>
    </message>
    <message numerus="yes">
        <source>%n followed accounts have only a number: unnamed until merged</source>
        <translation>
            <numerusform>%n cuenta seguida solo tiene un número: sin nombre hasta que la fusiones</numerusform>
            <numerusform>%n cuentas seguidas solo tienen un número: sin nombre hasta que las fusiones</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <source>%1 is a folder: choose the export&apos;s .zip file</source>
        <translation>%1 es una carpeta: elige el archivo .zip de la exportación</translation>
    </message>
    <message>
        <source>%1 is not a zip file, or it is cut short</source>
        <translation>%1 no es un archivo zip, o está incompleto</translation>
    </message>
    <message>
        <source>%1 holds an entry that points outside it (%2): refused</source>
        <translation>%1 contiene una entrada que apunta fuera de él (%2): rechazado</translation>
    </message>
    <message>
        <source>%1 unpacks to far more than any export (%2): refused</source>
        <translation>%1 se descomprime en mucho más que cualquier exportación (%2): rechazado</translation>
    </message>
    <message>
        <source>%1 in %2 cannot be read: %3</source>
        <translation>no se puede leer %1 dentro de %2: %3</translation>
    </message>
    <message>
        <source>%1 in %2 is not valid JSON (line %3): the export is damaged</source>
        <translation>%1 dentro de %2 no es JSON válido (línea %3): la exportación está dañada</translation>
    </message>
    <message>
        <source>%1 is not an X archive: it has no data/tweets.js</source>
        <translation>%1 no es un archivo de X: no contiene data/tweets.js</translation>
    </message>
    <message numerus="yes">
        <source>%n likes name no author in the archive and were left out</source>
        <translation>
            <numerusform>se omitió %n me gusta que no indica su autor en el archivo</numerusform>
            <numerusform>se omitieron %n me gusta que no indican su autor en el archivo</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not an export Reciprocity knows (%2)</source>
        <translation>%1 no es una exportación que Reciprocity conozca (%2)</translation>
    </message>
    <message>
        <source>%1 is an export of %2, not of %3</source>
        <translation>%1 es una exportación de %2, no de %3</translation>
    </message>
    <message>
        <source>reactions and comments by others on your posts (only yours are in it)</source>
        <translation>las reacciones y comentarios de otras personas en tus publicaciones (solo están los tuyos)</translation>
    </message>
    <message>
        <source>who shared your posts</source>
        <translation>quién compartió tus publicaciones</translation>
    </message>
    <message numerus="yes">
        <source>%n comments and reactions left out (titles not in English)</source>
        <translation>
            <numerusform>se omitió %n comentario o reacción (títulos que no están en inglés)</numerusform>
            <numerusform>se omitieron %n comentarios y reacciones (títulos que no están en inglés)</numerusform>
        </translation>
    </message>
    <message>
        <source>likes and comments by others on your posts (most exports hold only yours)</source>
        <translation>los me gusta y comentarios de otras personas en tus publicaciones (la mayoría de las exportaciones solo incluyen los tuyos)</translation>
    </message>
    <message>
        <source>who shared your posts or mentioned you</source>
        <translation>quién compartió tus publicaciones o te mencionó</translation>
    </message>
    <message numerus="yes">
        <source>%n comments name no post owner and were left out</source>
        <translation>
            <numerusform>se omitió %n comentario que no indica de quién es la publicación</numerusform>
            <numerusform>se omitieron %n comentarios que no indican de quién es la publicación</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not laid out as Reciprocity expects: it was left out</source>
        <translation>%1 no tiene la forma que Reciprocity espera: se ha omitido</translation>
    </message>
    <message>
        <source>%1 has none of the columns Reciprocity reads: left out</source>
        <translation>%1 no tiene ninguna de las columnas que lee Reciprocity: se ha omitido</translation>
    </message>
    <message>
        <source>who reacted to, commented on or reposted your posts</source>
        <translation>quién reaccionó, comentó o republicó tus publicaciones</translation>
    </message>
    <message>
        <source>mentions of you</source>
        <translation>las menciones que te hicieron</translation>
    </message>
    <message>
        <source>your followers (only connections and invitations are in it)</source>
        <translation>tus seguidores (solo incluye contactos e invitaciones)</translation>
    </message>
    <message>
        <source>whose posts you commented on, reacted to or reposted</source>
        <translation>de quién eran las publicaciones que comentaste, a las que reaccionaste o que republicaste</translation>
    </message>
    <message>
        <source>1 person has no profile address in the export: kept by name</source>
        <translation>1 persona no tiene dirección de perfil en la exportación: se guarda por su nombre</translation>
    </message>
    <message numerus="yes">
        <source>%n people have no profile address in the export: kept by name</source>
        <translation>
            <numerusform>%n persona no tiene dirección de perfil en la exportación: se guarda por su nombre</numerusform>
            <numerusform>%n personas no tienen dirección de perfil en la exportación: se guardan por su nombre</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2 is not valid CSV (line %3): the export is damaged</source>
        <translation>%1 dentro de %2 no es un CSV válido (línea %3): la exportación está dañada</translation>
    </message>
    <message>
        <source>who shared, quoted, liked or replied to your posts</source>
        <translation>quién compartió, citó, dio me gusta o respondió a tus publicaciones</translation>
    </message>
    <message>
        <source>mentions of you by others</source>
        <translation>las menciones que te hicieron otras personas</translation>
    </message>
    <message>
        <source>when anyone followed you, or you them (follows come without a date)</source>
        <translation>cuándo te siguió alguien, o cuándo seguiste tú (los seguimientos vienen sin fecha)</translation>
    </message>
    <message>
        <source>comments others left on your videos (Accounts → Add YouTube… reads them)</source>
        <translation>los comentarios que otros dejaron en tus vídeos (Cuentas → Añadir YouTube… los lee)</translation>
    </message>
    <message>
        <source>who subscribes to you</source>
        <translation>quién se suscribe a tu canal</translation>
    </message>
    <message>
        <source>whose videos you commented on (a comment counts when it names someone)</source>
        <translation>de quién eran los vídeos que comentaste (un comentario cuenta cuando nombra a alguien)</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>Import an archive</source>
        <translation>Importar un archivo</translation>
    </message>
    <message>
        <source>Data exports (*.zip);;All files (*)</source>
        <translation>Exportaciones de datos (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>%1 export: %2</source>
        <translation>Exportación de %1: %2</translation>
    </message>
    <message>
        <source>Not in this export: %1.</source>
        <translation>No está en esta exportación: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 persona</translation>
    </message>
    <message>
        <source>From them to you: %1</source>
        <translation>De ellos para ti: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>From you to them: %1</source>
        <translation>De ti para ellos: %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Del %1 al %2</translation>
    </message>
    <message>
        <source>1 entry left out (nothing to credit it to)</source>
        <translation>1 entrada omitida (sin nadie a quien atribuirla)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries left out (nothing to credit them to)</source>
        <translation>
            <numerusform>%n entrada omitida (sin nadie a quien atribuirla)</numerusform>
            <numerusform>%n entradas omitidas (sin nadie a quien atribuirlas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1 interactions from the %2 export (%3 already known).</source>
        <translation>Se importaron %1 interacciones de la exportación de %2 (%3 ya conocidas).</translation>
    </message>
</context>
<context>
    <name>ArchiveSearch</name>
    <message>
        <source>Search everything  (Ctrl+Shift+F)</source>
        <translation>Buscar en todo  (Ctrl+Mayús+F)</translation>
    </message>
    <message>
        <source>Finds what you and they did by the words of the post, or by their name or handle, accents and case aside; newest first. Esc goes back to everyone.</source>
        <translation>Encuentra lo que hiciste tú y lo que hicieron por las palabras de la publicación, o por su nombre o usuario, sin importar tildes ni mayúsculas; lo más reciente primero. Esc vuelve a mostrar a todo el mundo.</translation>
    </message>
    <message>
        <source>Interactions found</source>
        <translation>Interacciones encontradas</translation>
    </message>
    <message>
        <source>Could not search: %1</source>
        <translation>No se pudo buscar: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Nothing stored matches “%1”.</source>
        <translation>Nada de lo guardado coincide con «%1».</translation>
    </message>
    <message>
        <source>%1 found, newest first.</source>
        <translation>Resultados: %1, lo más reciente primero.</translation>
    </message>
    <message>
        <source>The newest %1 found; more as you scroll.</source>
        <translation>Resultados: los %1 más recientes; hay más al desplazarte.</translation>
    </message>
</context>
<context>
    <name>Arguments</name>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>mostrar esta ayuda y salir</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>no se permite junto con el argumento %s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>faltan estos argumentos obligatorios: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>hace falta uno de estos argumentos: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>se esperaba como mucho un argumento</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>se esperaba al menos un argumento</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>se esperaba %s argumento</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>se esperaban %s argumentos</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s puede ser %(matches)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor de %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>opción no válida: %(value)r (elige entre %(choices)s)</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>comando desconocido %(parser_name)r (opciones: %(choices)s)</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Reciprocity starts when you log in, so your check-in is ready</source>
        <translation>Reciprocity se abre al iniciar sesión, para que tu repaso diario esté listo</translation>
    </message>
    <message>
        <source>Reciprocity no longer starts when you log in</source>
        <translation>Reciprocity ya no se abre al iniciar sesión</translation>
    </message>
    <message>
        <source>this desktop&apos;s portal cannot start apps at login (%1)</source>
        <translation>el portal de este escritorio no puede abrir aplicaciones al iniciar sesión (%1)</translation>
    </message>
    <message>
        <source>the desktop did not allow it (Reciprocity may be allowed to run in the background in the system settings)</source>
        <translation>el escritorio no lo permitió (puedes dejar que Reciprocity funcione en segundo plano en la configuración del sistema)</translation>
    </message>
    <message>
        <source>the request ended with code %1</source>
        <translation>la solicitud terminó con el código %1</translation>
    </message>
    <message>
        <source>no desktop portal answered; inside Flatpak, xdg-desktop-portal is needed (%1)</source>
        <translation>ningún portal del escritorio respondió; dentro de Flatpak hace falta xdg-desktop-portal (%1)</translation>
    </message>
    <message>
        <source>the desktop portal did not answer in time</source>
        <translation>el portal del escritorio no respondió a tiempo</translation>
    </message>
    <message>
        <source>the desktop portal failed: %1</source>
        <translation>falló el portal del escritorio: %1</translation>
    </message>
</context>
<context>
    <name>BlueskyDialog</name>
    <message>
        <source>Sign in to Bluesky</source>
        <translation>Iniciar sesión en Bluesky</translation>
    </message>
    <message>
        <source>Use an app password, not your account password. Reciprocity keeps only the session Bluesky gives it, in your keyring; you can revoke the app password in Bluesky at any time.</source>
        <translation>Usa una contraseña de aplicación, no la contraseña de tu cuenta. Reciprocity solo guarda en tu llavero la sesión que le da Bluesky; puedes revocar la contraseña de aplicación en Bluesky cuando quieras.</translation>
    </message>
    <message>
        <source>you.bsky.social</source>
        <translation>tunombre.bsky.social</translation>
    </message>
    <message>
        <source>How to make an app password</source>
        <translation>Cómo crear una contraseña de aplicación</translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation>A&amp;vanzado</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>App &amp;password:</source>
        <translation>Contraseña de a&amp;plicación:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Servicio:</translation>
    </message>
    <message>
        <source>Only if your account lives on another server (PDS).</source>
        <translation>Solo si tu cuenta está alojada en otro servidor (PDS).</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Iniciando sesión como %1…</translation>
    </message>
    <message>
        <source>Signed in to Bluesky as %1.</source>
        <translation>Sesión iniciada en Bluesky como %1.</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>no access token was given on standard input</source>
        <translation>no se recibió ningún token de acceso por la entrada estándar</translation>
    </message>
    <message>
        <source>Approve Reciprocity on %1 in your browser:</source>
        <translation>Autoriza a Reciprocity en %1 desde tu navegador:</translation>
    </message>
    <message>
        <source>Then paste the code it shows you here.</source>
        <translation>Luego pega aquí el código que te muestre.</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Código de autorización</translation>
    </message>
    <message>
        <source>no authorization code was given on standard input</source>
        <translation>no se recibió ningún código de autorización por la entrada estándar</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (account #%3).</source>
        <translation>Sesión iniciada en %1 como %2 (cuenta #%3).</translation>
    </message>
    <message>
        <source>give the app password on standard input with --app-password-stdin (make one in Bluesky: Settings → Privacy and security → App passwords)</source>
        <translation>indica la contraseña de aplicación por la entrada estándar con --app-password-stdin (créala en Bluesky: Ajustes → Privacidad y seguridad → Contraseñas de aplicación)</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>Contraseña de aplicación</translation>
    </message>
    <message>
        <source>no app password was given on standard input</source>
        <translation>no se recibió ninguna contraseña de aplicación por la entrada estándar</translation>
    </message>
    <message>
        <source>Signed in to Bluesky as %1 (account #%2).</source>
        <translation>Sesión iniciada en Bluesky como %1 (cuenta #%2).</translation>
    </message>
    <message>
        <source>Added the feed %1.</source>
        <translation>Se añadió la fuente %1.</translation>
    </message>
    <message>
        <source>Already following %1.</source>
        <translation>Ya en tu lista: %1.</translation>
    </message>
    <message>
        <source>Comments on %1 will count as replies (account #%2).</source>
        <translation>Los comentarios de %1 contarán como respuestas (cuenta #%2).</translation>
    </message>
    <message>
        <source>Already reading comments from %1.</source>
        <translation>Ya se leen los comentarios de %1.</translation>
    </message>
    <message>
        <source>Imported %1 feeds from %2 (%3 new).</source>
        <translation>Se importaron %1 fuentes de %2 (%3 nuevas).</translation>
    </message>
    <message>
        <source>Wrote %1 feeds to %2.</source>
        <translation>Se exportaron %1 fuentes a %2.</translation>
    </message>
    <message>
        <source>No accounts yet. Add one with: reciprocity accounts add mastodon --instance …</source>
        <translation>Todavía no hay cuentas. Añade una con: reciprocity accounts add mastodon --instance …</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>hay que iniciar sesión</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>límite de peticiones alcanzado</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 (hasta las %2)</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>última sincronización: %1</translation>
    </message>
    <message>
        <source>1 feed</source>
        <translation>1 fuente</translation>
    </message>
    <message numerus="yes">
        <source>%n feeds</source>
        <translation>
            <numerusform>%n fuente</numerusform>
            <numerusform>%n fuentes</numerusform>
        </translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>último error: %1</translation>
    </message>
    <message>
        <source>Took out archive %1: %2 interactions, %3 people who came only from it.</source>
        <translation>Se quitó el archivo %1: %2 interacciones y %3 personas que llegaron solo con él.</translation>
    </message>
    <message>
        <source>Removed %1; its history stays in the ledger.</source>
        <translation>Se quitó %1; su historial se conserva en el balance.</translation>
    </message>
    <message>
        <source>account %1 does not sync (manual or archive)</source>
        <translation>la cuenta %1 no se sincroniza (es manual o de archivo)</translation>
    </message>
    <message>
        <source>No accounts to sync yet. Add one with: reciprocity accounts add …</source>
        <translation>Aún no hay cuentas que sincronizar. Añade una con: reciprocity accounts add …</translation>
    </message>
    <message>
        <source>%1: page %2 (%3): %4 new, %5 already known</source>
        <translation>%1: página %2 (%3): %4 interacciones nuevas, %5 ya conocidas</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>… and 1 more warning (see the log)</source>
        <translation>… y 1 aviso más (consulta el archivo de registro)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more warnings (see the log)</source>
        <translation>
            <numerusform>… y %n aviso más (consulta el archivo de registro)</numerusform>
            <numerusform>… y %n avisos más (consulta el archivo de registro)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did not sync: %2</source>
        <translation>%1 no se sincronizó: %2</translation>
    </message>
    <message>
        <source>Logged a %1 %2 on %3 for new person #%4.</source>
        <translation>Se registró una interacción %2 (%1) en %3 para la persona nueva #%4.</translation>
    </message>
    <message>
        <source>Logged a %1 %2 on %3 for person #%4.</source>
        <translation>Se registró una interacción %2 (%1) en %3 para la persona #%4.</translation>
    </message>
    <message>
        <source>The %1 export holds %2 interactions with %3 people (nothing added).</source>
        <translation>La exportación de %1 contiene %2 interacciones con %3 personas (no se ha añadido nada).</translation>
    </message>
    <message>
        <source>Imported %1 interactions from the %2 export (%3 already known).</source>
        <translation>Se importaron %1 interacciones de la exportación de %2 (%3 ya conocidas).</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>entrantes</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>salientes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>skipped: %1 (%2)</source>
        <translation>omitido: %1 (%2)</translation>
    </message>
    <message>
        <source>not in this export: %1</source>
        <translation>no está en esta exportación: %1</translation>
    </message>
    <message>
        <source>FAILED: %1</source>
        <translation>FALLÓ: %1</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 already known, %4 links, %5 skipped — %6</source>
        <translation>%1: %2 interacciones nuevas, %3 ya conocidas, %4 enlaces, %5 elementos omitidos — %6</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 already known, %4 links — %5</source>
        <translation>%1: %2 interacciones nuevas, %3 ya conocidas, %4 enlaces — %5</translation>
    </message>
    <message>
        <source>Demo store ready in %1: %2 people, %3 interactions, %4 candidates. Try: reciprocity --data-dir %1 pending</source>
        <translation>Datos de demostración listos en %1: %2 personas, %3 interacciones, %4 enlaces para compartir. Prueba: reciprocity --data-dir %1 pending</translation>
    </message>
    <message>
        <source>Pending people:</source>
        <translation>Personas pendientes:</translation>
    </message>
    <message>
        <source>Candidates:</source>
        <translation>Enlaces para compartir:</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Personas:</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Cuentas:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Última sincronización:</translation>
    </message>
    <message>
        <source>Data dir:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>Nobody is waiting for a thank-you. Nice.</source>
        <translation>Nadie espera un agradecimiento. Muy bien.</translation>
    </message>
    <message>
        <source>%1 · last %2 · thanked %3</source>
        <translation>%1 · última interacción %2 · último agradecimiento %3</translation>
    </message>
    <message>
        <source>“%1” %2</source>
        <translation>“%1” %2</translation>
    </message>
    <message>
        <source>… and 1 more post</source>
        <translation>… y 1 publicación más</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more posts</source>
        <translation>
            <numerusform>… y %n publicación más</numerusform>
            <numerusform>… y %n publicaciones más</numerusform>
        </translation>
    </message>
    <message>
        <source>No people match.</source>
        <translation>Ninguna persona coincide.</translation>
    </message>
    <message>
        <source>No people yet.</source>
        <translation>Aún no hay personas.</translation>
    </message>
    <message>
        <source>#%1 %2 in %3  out %4  last %5 thanked %6  %7</source>
        <translation>#%1 %2 entrantes %3  salientes %4  última %5 agradecido %6  %7</translation>
    </message>
    <message>
        <source>first %1, last %2, thanked %3</source>
        <translation>primera interacción %1, última %2, último agradecimiento %3</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 días</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 días</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 año</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>desde siempre</translation>
    </message>
    <message>
        <source>they → you: %1; you → them: %2</source>
        <translation>ellos → tú: %1; tú → ellos: %2</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta el %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <source>notes: %1</source>
        <translation>notas: %1</translation>
    </message>
    <message>
        <source>Everyone who supported you lately has heard from you.</source>
        <translation>Todas las personas que te apoyaron últimamente ya tienen noticias tuyas.</translation>
    </message>
    <message>
        <source>%1 supported you %2 and hasn&apos;t heard back</source>
        <translation>%1 te apoyó %2 y aún no ha recibido respuesta</translation>
    </message>
    <message>
        <source>Nothing to share yet: add feeds or sync an account.</source>
        <translation>Aún no hay nada que compartir: añade fuentes o sincroniza una cuenta.</translation>
    </message>
    <message>
        <source>why: %1</source>
        <translation>motivo: %1</translation>
    </message>
    <message>
        <source>--send posts a reply or a like: use --how reply or --how like</source>
        <translation>--send publica una respuesta o un me gusta: usa --how reply o --how like</translation>
    </message>
    <message>
        <source>(%1 has no way to post for you; marked thanked. Post it yourself: %2)</source>
        <translation>(%1 no permite publicar por ti; se marcó como agradecido. Publícalo tú: %2)</translation>
    </message>
    <message>
        <source>(%1 has no way to post for you; marked thanked.)</source>
        <translation>(%1 no permite publicar por ti; se marcó como agradecido.)</translation>
    </message>
    <message>
        <source>Liked their post %1; marked thanked.</source>
        <translation>Diste me gusta a su publicación %1; se marcó como agradecido.</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Enviado: %1</translation>
    </message>
    <message>
        <source>Marked %1 as thanked (%2).</source>
        <translation>Agradecimiento a %1 registrado (%2).</translation>
    </message>
    <message>
        <source>Dismissed what %1 had pending.</source>
        <translation>Se descartó lo que %1 tenía pendiente.</translation>
    </message>
    <message>
        <source>Snoozed %1 until %2.</source>
        <translation>Se pospuso a %1 hasta el %2.</translation>
    </message>
    <message>
        <source>Merged %1 into %2 [#%3].</source>
        <translation>Se fusionó a %1 con %2 [#%3].</translation>
    </message>
    <message>
        <source>interests set needs at least one word (or use &apos;clear&apos;)</source>
        <translation>interests set necesita al menos una palabra (o usa &apos;clear&apos;)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Interests: %1</source>
        <translation>Intereses: %1</translation>
    </message>
    <message>
        <source>unknown setting %1; known: %2</source>
        <translation>ajuste desconocido %1; ajustes disponibles: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON value (try true, 30, &quot;en&quot;)</source>
        <translation>%1 no es un valor JSON (prueba con true, 30, &quot;en&quot;)</translation>
    </message>
    <message>
        <source>%1 takes a %2, not %3</source>
        <translation>%1 espera un valor %2, no %3</translation>
    </message>
    <message>
        <source>Exported %1 people and %2 interactions to %3.</source>
        <translation>Se exportaron %1 personas y %2 interacciones a %3.</translation>
    </message>
    <message>
        <source>Imported %1 people and %2 interactions.</source>
        <translation>Se importaron %1 personas y %2 interacciones.</translation>
    </message>
    <message>
        <source>(a reply to %1)</source>
        <translation>(en respuesta a %1)</translation>
    </message>
    <message>
        <source>note: you last thanked them today</source>
        <translation>nota: tu último agradecimiento a esta persona fue hoy</translation>
    </message>
    <message>
        <source>note: you last thanked them yesterday</source>
        <translation>nota: tu último agradecimiento a esta persona fue ayer</translation>
    </message>
    <message numerus="yes">
        <source>note: you last thanked them %n days ago</source>
        <translation>
            <numerusform>nota: tu último agradecimiento a esta persona fue hace %n día</numerusform>
            <numerusform>nota: tu último agradecimiento a esta persona fue hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>%1d ago</source>
        <translation>hace %1 d</translation>
    </message>
    <message>
        <source>%1h ago</source>
        <translation>hace %1 h</translation>
    </message>
    <message>
        <source>%1m ago</source>
        <translation>hace %1 min</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>1 share</source>
        <translation>1 compartido</translation>
    </message>
    <message numerus="yes">
        <source>%n shares</source>
        <translation>
            <numerusform>%n compartido</numerusform>
            <numerusform>%n compartidos</numerusform>
        </translation>
    </message>
    <message>
        <source>1 quote</source>
        <translation>1 cita</translation>
    </message>
    <message numerus="yes">
        <source>%n quotes</source>
        <translation>
            <numerusform>%n cita</numerusform>
            <numerusform>%n citas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 mention</source>
        <translation>1 mención</translation>
    </message>
    <message numerus="yes">
        <source>%n mentions</source>
        <translation>
            <numerusform>%n mención</numerusform>
            <numerusform>%n menciones</numerusform>
        </translation>
    </message>
    <message>
        <source>1 reply</source>
        <translation>1 respuesta</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n respuesta</numerusform>
            <numerusform>%n respuestas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 like</source>
        <translation>1 me gusta</translation>
    </message>
    <message numerus="yes">
        <source>%n likes</source>
        <translation>
            <numerusform>%n me gusta</numerusform>
            <numerusform>%n me gusta</numerusform>
        </translation>
    </message>
    <message>
        <source>1 follow</source>
        <translation>1 seguimiento</translation>
    </message>
    <message numerus="yes">
        <source>%n follows</source>
        <translation>
            <numerusform>%n seguimiento</numerusform>
            <numerusform>%n seguimientos</numerusform>
        </translation>
    </message>
    <message>
        <source>1 time</source>
        <translation>1 vez</translation>
    </message>
    <message numerus="yes">
        <source>%n times</source>
        <translation>
            <numerusform>%n vez</numerusform>
            <numerusform>%n veces</numerusform>
        </translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>thanked</source>
        <translation>agradecido</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>descartado</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>pospuesto</translation>
    </message>
    <message>
        <source>matches your interests: %1</source>
        <translation>coincide con tus intereses: %1</translation>
    </message>
    <message>
        <source>shared by 1 person in your network</source>
        <translation>compartido por 1 persona de tu red</translation>
    </message>
    <message numerus="yes">
        <source>shared by %n people in your network</source>
        <translation>
            <numerusform>compartido por %n persona de tu red</numerusform>
            <numerusform>compartido por %n personas de tu red</numerusform>
        </translation>
    </message>
    <message>
        <source>by %1, one of your supporters</source>
        <translation>de %1, uno de tus apoyos</translation>
    </message>
    <message>
        <source>by the author, one of your supporters</source>
        <translation>de quien lo escribió, uno de tus apoyos</translation>
    </message>
    <message>
        <source>seen today</source>
        <translation>visto hoy</translation>
    </message>
    <message>
        <source>seen 1 day ago</source>
        <translation>visto hace 1 día</translation>
    </message>
    <message numerus="yes">
        <source>seen %n days ago</source>
        <translation>
            <numerusform>visto hace %n día</numerusform>
            <numerusform>visto hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: error: %2 (see %1 --help)</source>
        <translation>%1: error: %2 (consulta %1 --help)</translation>
    </message>
    <message>
        <source>%1 is not a date like 2026-12-31</source>
        <translation>%1 no es una fecha con el formato 2026-12-31</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 no es un número entero</translation>
    </message>
    <message>
        <source>%1 must be greater than 0</source>
        <translation>%1 debe ser mayor que 0</translation>
    </message>
    <message>
        <source>interests: words are only given with &apos;set&apos;</source>
        <translation>interests: las palabras solo se indican con &apos;set&apos;</translation>
    </message>
    <message>
        <source>cannot use the data dir: %1</source>
        <translation>no se puede usar la carpeta de datos: %1</translation>
    </message>
    <message>
        <source>cannot change the menu: %1</source>
        <translation>no se puede cambiar el menú: %1</translation>
    </message>
    <message numerus="yes">
        <source>In the menu now: %n files under %1, starting %2.</source>
        <translation>
            <numerusform>Ya está en el menú: %n archivo en %1, que abre %2.</numerusform>
            <numerusform>Ya está en el menú: %n archivos en %1, que abren %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Out of the menu: %n files removed from %1.</source>
        <translation>
            <numerusform>Fuera del menú: se quitó %n archivo de %1.</numerusform>
            <numerusform>Fuera del menú: se quitaron %n archivos de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to remove: Reciprocity was not in the menu under %1.</source>
        <translation>Nada que quitar: Reciprocity no estaba en el menú en %1.</translation>
    </message>
    <message>
        <source>unexpected error (%1: %2); details in %3</source>
        <translation>error inesperado (%1: %2); detalles en %3</translation>
    </message>
    <message>
        <source>cannot read the API key from %1: %2</source>
        <translation>no se puede leer la clave de API de %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no API key on its first line</source>
        <translation>%1 no tiene ninguna clave de API en su primera línea</translation>
    </message>
    <message>
        <source>YouTube API key</source>
        <translation>Clave de API de YouTube</translation>
    </message>
    <message>
        <source>no API key was given on standard input</source>
        <translation>no se ha recibido ninguna clave de API por la entrada estándar</translation>
    </message>
    <message>
        <source>Reading the comments on %1 (%2) as replies (account #%3).</source>
        <translation>Se leerán los comentarios de %1 (%2) como respuestas (cuenta n.º %3).</translation>
    </message>
    <message>
        <source>This data dir uses the shared store %1.</source>
        <translation>Esta carpeta de datos usa el almacén compartido %1.</translation>
    </message>
    <message>
        <source>This data dir uses its own store, %1.</source>
        <translation>Esta carpeta de datos usa su propio almacén, %1.</translation>
    </message>
    <message>
        <source>This data dir now uses the shared store %1.</source>
        <translation>Esta carpeta de datos usa ahora el almacén compartido %1.</translation>
    </message>
    <message>
        <source>This data dir now uses its own store, %1.</source>
        <translation>Esta carpeta de datos usa ahora su propio almacén, %1.</translation>
    </message>
    <message>
        <source>a store cannot be copied into itself</source>
        <translation>un almacén no se puede copiar en sí mismo</translation>
    </message>
    <message>
        <source>copying %1: %2 rows</source>
        <translation>copiando %1: %2 filas</translation>
    </message>
    <message>
        <source>Copied %1 rows from %2 to %3:</source>
        <translation>Se copiaron %1 filas de %2 a %3:</translation>
    </message>
    <message>
        <source>No more matches.</source>
        <translation>No hay más coincidencias.</translation>
    </message>
    <message>
        <source>Nothing stored matches “%1”.</source>
        <translation>Nada de lo guardado coincide con «%1».</translation>
    </message>
    <message>
        <source>More: add --before %1</source>
        <translation>Más: añade --before %1</translation>
    </message>
</context>
<context>
    <name>CLI help</name>
    <message>
        <source>your accounts and feeds</source>
        <translation>tus cuentas y fuentes</translation>
    </message>
    <message>
        <source>add an account or a feed</source>
        <translation>añadir una cuenta o una fuente</translation>
    </message>
    <message>
        <source>sign in to a Mastodon server</source>
        <translation>iniciar sesión en un servidor de Mastodon</translation>
    </message>
    <message>
        <source>read an access token made in the server&apos;s settings from stdin</source>
        <translation>leer de stdin un token de acceso creado en la configuración del servidor</translation>
    </message>
    <message>
        <source>sign in to Bluesky with an app password</source>
        <translation>iniciar sesión en Bluesky con una contraseña de aplicación</translation>
    </message>
    <message>
        <source>your PDS (default https://bsky.social)</source>
        <translation>tu PDS (predeterminado: https://bsky.social)</translation>
    </message>
    <message>
        <source>follow an RSS, Atom or JSON feed</source>
        <translation>seguir una fuente RSS, Atom o JSON</translation>
    </message>
    <message>
        <source>follow every feed in an OPML file</source>
        <translation>seguir todas las fuentes de un archivo OPML</translation>
    </message>
    <message>
        <source>your blog&apos;s comments feed: each comment is a reply to you</source>
        <translation>la fuente de comentarios de tu blog: cada comentario es una respuesta dirigida a ti</translation>
    </message>
    <message>
        <source>your accounts, their state and last sync</source>
        <translation>tus cuentas, su estado y su última sincronización</translation>
    </message>
    <message>
        <source>remove an account (its history stays; its secrets go)</source>
        <translation>quitar una cuenta (su historial se conserva; sus secretos se borran)</translation>
    </message>
    <message>
        <source>an imported archive: take out everything that came only from it</source>
        <translation>un archivo importado: quitar todo lo que llegó solo con él</translation>
    </message>
    <message>
        <source>write your feed list to an OPML file</source>
        <translation>guardar tu lista de fuentes en un archivo OPML</translation>
    </message>
    <message>
        <source>fetch what is new from every account</source>
        <translation>traer lo nuevo de todas las cuentas</translation>
    </message>
    <message>
        <source>only this account</source>
        <translation>solo esta cuenta</translation>
    </message>
    <message>
        <source>record an interaction by hand (LinkedIn, X, …)</source>
        <translation>registrar una interacción a mano (LinkedIn, X, …)</translation>
    </message>
    <message>
        <source>a person id, or a name (new names are new people)</source>
        <translation>el id de una persona o un nombre (un nombre nuevo crea una persona nueva)</translation>
    </message>
    <message>
        <source>linkedin, x, instagram, …</source>
        <translation>linkedin, x, instagram, …</translation>
    </message>
    <message>
        <source>the post concerned</source>
        <translation>la publicación en cuestión</translation>
    </message>
    <message>
        <source>import a data export (zip) from a closed network</source>
        <translation>importar una exportación de datos (zip) de una red cerrada</translation>
    </message>
    <message>
        <source>whose export it is; auto: recognise it</source>
        <translation>de qué red es la exportación; auto: reconocerla</translation>
    </message>
    <message>
        <source>say what the import would add, and add nothing</source>
        <translation>decir qué añadiría la importación, sin añadir nada</translation>
    </message>
    <message>
        <source>a thank-you draft for a person (printed, never posted)</source>
        <translation>un borrador de agradecimiento para una persona (se muestra, nunca se publica)</translation>
    </message>
    <message>
        <source>template language, e.g. en or es</source>
        <translation>idioma de la plantilla, p. ej. en o es</translation>
    </message>
    <message>
        <source>e.g. mastodon or bluesky</source>
        <translation>p. ej. mastodon o bluesky</translation>
    </message>
    <message>
        <source>print JSON (see README.md)</source>
        <translation>mostrar la salida en JSON (consulta README.md)</translation>
    </message>
    <message>
        <source>Who to thank and what to share, once a day. With no command, opens the desktop app.</source>
        <translation>A quién agradecer y qué compartir, una vez al día. Sin comando, abre la aplicación de escritorio.</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>mostrar la versión y salir</translation>
    </message>
    <message>
        <source>where the store and logs live (default: $RECIPROCITY_HOME or the user data dir)</source>
        <translation>dónde se guardan tus datos y los archivos de registro (predeterminado: $RECIPROCITY_HOME o la carpeta de datos del usuario)</translation>
    </message>
    <message>
        <source>log debug details</source>
        <translation>registrar detalles de depuración</translation>
    </message>
    <message>
        <source>put Reciprocity in the desktop&apos;s menu (its entry, icon and metadata under ~/.local/share) and exit</source>
        <translation>poner Reciprocity en el menú del escritorio (su entrada, su icono y sus metadatos en ~/.local/share) y salir</translation>
    </message>
    <message>
        <source>take Reciprocity out of the desktop&apos;s menu again and exit</source>
        <translation>quitar Reciprocity del menú del escritorio y salir</translation>
    </message>
    <message>
        <source>open the desktop app</source>
        <translation>abrir la aplicación de escritorio</translation>
    </message>
    <message>
        <source>open today&apos;s check-in (in the running app if any)</source>
        <translation>abrir el repaso de hoy (en la aplicación abierta, si la hay)</translation>
    </message>
    <message>
        <source>fill an empty store with realistic demo data</source>
        <translation>llenar un almacén vacío con datos de demostración realistas</translation>
    </message>
    <message>
        <source>how many people (60)</source>
        <translation>cuántas personas (60)</translation>
    </message>
    <message>
        <source>counts: pending, candidates, people, accounts</source>
        <translation>recuentos: pendientes, enlaces para compartir, personas, cuentas</translation>
    </message>
    <message>
        <source>who to thank, most important first</source>
        <translation>a quién agradecer, primero lo más importante</translation>
    </message>
    <message>
        <source>everyone in the ledger</source>
        <translation>todas las personas, con su balance</translation>
    </message>
    <message>
        <source>names or handles starting with TEXT</source>
        <translation>nombres o usuarios que empiezan por TEXT</translation>
    </message>
    <message>
        <source>show at most N people</source>
        <translation>mostrar como máximo N personas</translation>
    </message>
    <message>
        <source>one person&apos;s ledger</source>
        <translation>el balance de una persona</translation>
    </message>
    <message>
        <source>supporters who haven&apos;t heard from you</source>
        <translation>quienes te apoyan y aún no han sabido nada de ti</translation>
    </message>
    <message>
        <source>window in days (setting, default 30)</source>
        <translation>periodo en días (según la configuración; predeterminado: 30)</translation>
    </message>
    <message>
        <source>what to share, best first</source>
        <translation>qué compartir, primero lo mejor</translation>
    </message>
    <message>
        <source>at most N (20)</source>
        <translation>como máximo N (20)</translation>
    </message>
    <message>
        <source>which candidates: open = new and saved (default)</source>
        <translation>qué enlaces: open = nuevos y guardados (predeterminado)</translation>
    </message>
    <message>
        <source>mark a person thanked for all that is pending</source>
        <translation>marcar a una persona como agradecida por todo lo pendiente</translation>
    </message>
    <message>
        <source>what you said (with --send: what to post)</source>
        <translation>lo que le dijiste (con --send: lo que se publicará)</translation>
    </message>
    <message>
        <source>post the thank-you (the draft, or --text) through the network, then mark thanked</source>
        <translation>publicar el agradecimiento (el borrador o --text) en la red y después marcar a la persona como agradecida</translation>
    </message>
    <message>
        <source>let a person&apos;s pending interactions be</source>
        <translation>dejar pasar las interacciones pendientes de una persona</translation>
    </message>
    <message>
        <source>hide a person from the pending list until a date</source>
        <translation>ocultar a una persona de la lista de pendientes hasta una fecha</translation>
    </message>
    <message>
        <source>make two people one (identities and ledger combine)</source>
        <translation>fusionar dos personas en una (se combinan sus identidades y su balance)</translation>
    </message>
    <message>
        <source>show or set your interest keywords</source>
        <translation>mostrar o definir tus palabras clave de interés</translation>
    </message>
    <message>
        <source>show or change a setting kept with the data</source>
        <translation>mostrar o cambiar un ajuste que se guarda con los datos</translation>
    </message>
    <message>
        <source>a JSON value, e.g. true or 30</source>
        <translation>un valor JSON, p. ej. true o 30</translation>
    </message>
    <message>
        <source>check that this installation has everything it needs</source>
        <translation>comprobar que esta instalación tiene todo lo que necesita</translation>
    </message>
    <message>
        <source>also open the main window on the data dir, then close it</source>
        <translation>abrir también la ventana principal con ese directorio de datos y cerrarla después</translation>
    </message>
    <message>
        <source>also write, read and delete a test secret in the keyring</source>
        <translation>escribir, leer y borrar también un secreto de prueba en el llavero</translation>
    </message>
    <message>
        <source>write everything but secrets to a JSON file</source>
        <translation>guardar todo salvo los secretos en un archivo JSON</translation>
    </message>
    <message>
        <source>load an export into an empty store</source>
        <translation>cargar una exportación en un almacén vacío</translation>
    </message>
    <message>
        <source>your YouTube channel: the comments on its videos count as replies</source>
        <translation>tu canal de YouTube: los comentarios en sus vídeos cuentan como respuestas</translation>
    </message>
    <message>
        <source>Your YouTube channel: the comments on its videos count as replies. Make an API key in the Google Cloud console (enable the YouTube Data API v3, then Credentials → Create credentials → API key); it is kept in the keyring.</source>
        <translation>Tu canal de YouTube: los comentarios en sus vídeos cuentan como respuestas. Crea una clave de API en la consola de Google Cloud (activa YouTube Data API v3 y luego Credenciales → Crear credenciales → Clave de API); se guarda en el llavero.</translation>
    </message>
    <message>
        <source>your channel id (UC…), handle (@name) or channel address</source>
        <translation>el id de tu canal (UC…), tu identificador (@nombre) o la dirección del canal</translation>
    </message>
    <message>
        <source>read the API key from this file&apos;s first line (default: ask for it)</source>
        <translation>leer la clave de API de la primera línea de este archivo (por omisión: pedirla)</translation>
    </message>
    <message>
        <source>which store this data dir uses; move a store</source>
        <translation>qué almacén usa esta carpeta de datos; mover un almacén</translation>
    </message>
    <message>
        <source>the store in use</source>
        <translation>el almacén en uso</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>imprimir JSON</translation>
    </message>
    <message>
        <source>use the store at URL (e.g. postgresql://ana@server/team), or &apos;local&apos; for this data dir&apos;s own file</source>
        <translation>usar el almacén de URL (p. ej. postgresql://ana@servidor/grupo), o &apos;local&apos; para el archivo propio de esta carpeta de datos</translation>
    </message>
    <message>
        <source>your name in the team, as the ledger shows it (&quot;thanked by NAME&quot;; default: your system account&apos;s name)</source>
        <translation>tu nombre en el grupo de trabajo, como lo muestra el balance («agradecido por NOMBRE»; por omisión, el nombre de tu cuenta del sistema)</translation>
    </message>
    <message>
        <source>copy every row into an empty store, or from one</source>
        <translation>copiar todas las filas a un almacén vacío, o desde otro</translation>
    </message>
    <message>
        <source>copy this store into the empty one at URL</source>
        <translation>copiar este almacén en el vacío de URL</translation>
    </message>
    <message>
        <source>copy the store at URL into this one, which must be empty</source>
        <translation>copiar el almacén de URL en este, que debe estar vacío</translation>
    </message>
    <message>
        <source>find interactions by the words of their post or the person&apos;s name or handle</source>
        <translation>buscar interacciones por las palabras de su publicación o por el nombre o usuario de la persona</translation>
    </message>
    <message>
        <source>only this kind</source>
        <translation>solo de este tipo</translation>
    </message>
    <message>
        <source>only from this day on</source>
        <translation>solo desde este día</translation>
    </message>
    <message>
        <source>at most N (20; up to 500)</source>
        <translation>como mucho N (20; hasta 500)</translation>
    </message>
    <message>
        <source>the next page: the “next” a search printed</source>
        <translation>la página siguiente: el «next» que imprimió una búsqueda</translation>
    </message>
</context>
<context>
    <name>CandidatePanel</name>
    <message>
        <source>Why this</source>
        <translation>Por qué este enlace</translation>
    </message>
    <message>
        <source>Compose share</source>
        <translation>Redactar publicación</translation>
    </message>
    <message>
        <source>Write a post that credits the author (C)</source>
        <translation>Escribe una publicación que dé crédito al autor (C)</translation>
    </message>
    <message>
        <source>Mark shared</source>
        <translation>Marcar como compartido</translation>
    </message>
    <message>
        <source>You posted it: counts as support for the author in your ledger (M)</source>
        <translation>Lo publicaste: cuenta como apoyo al autor en tu balance (M)</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Abrir en el navegador</translation>
    </message>
    <message>
        <source>Read it first (O)</source>
        <translation>Léelo primero (O)</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Copy the link without tracking parameters (L)</source>
        <translation>Copia el enlace sin parámetros de seguimiento (L)</translation>
    </message>
    <message>
        <source>Save for later</source>
        <translation>Guardar para más tarde</translation>
    </message>
    <message>
        <source>Keep it in Saved to share another day (S)</source>
        <translation>Guárdalo en Guardados para compartirlo otro día (S)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <source>Not for my audience: hide it (K)</source>
        <translation>No es para mi público: ocúltalo (K)</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nada seleccionado</translation>
    </message>
    <message>
        <source>Pick a link on the left to see why it is here.</source>
        <translation>Elige un enlace a la izquierda para ver por qué está aquí.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>de %1</translation>
    </message>
    <message numerus="yes">
        <source>shared by %n in your network</source>
        <translation>
            <numerusform>compartido por %n persona de tu red</numerusform>
            <numerusform>compartido por %n personas de tu red</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Not skipped after all: back to Open (S)</source>
        <translation>Al final no se omite: vuelve a Nuevos (S)</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Shared by</source>
        <translation>Compartido por</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>How many people in your network shared it</source>
        <translation>Cuántas personas de tu red lo compartieron</translation>
    </message>
</context>
<context>
    <name>CheckinWindow</name>
    <message>
        <source>Daily check-in — Reciprocity</source>
        <translation>Repaso diario — Reciprocity</translation>
    </message>
    <message>
        <source>Good to see you</source>
        <translation>Me alegra verte</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v de %m</translation>
    </message>
    <message>
        <source>Getting today&apos;s check-in ready…</source>
        <translation>Preparando el repaso de hoy…</translation>
    </message>
    <message>
        <source>Your thank-you…</source>
        <translation>Tu agradecimiento…</translation>
    </message>
    <message>
        <source>Send thanks</source>
        <translation>Enviar agradecimiento</translation>
    </message>
    <message>
        <source>Like back only</source>
        <translation>Solo devolver el me gusta</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <source>Snooze a week</source>
        <translation>Posponer una semana</translation>
    </message>
    <message>
        <source>Open post</source>
        <translation>Abrir publicación</translation>
    </message>
    <message>
        <source>Copy and mark shared</source>
        <translation>Copiar y marcar como compartido</translation>
    </message>
    <message>
        <source>Save for later</source>
        <translation>Guardar para más tarde</translation>
    </message>
    <message>
        <source>Send the thank-you</source>
        <translation>Enviar el agradecimiento</translation>
    </message>
    <message>
        <source>Edit the draft</source>
        <translation>Editar el borrador</translation>
    </message>
    <message>
        <source>Next, without answering</source>
        <translation>Siguiente, sin responder</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Skip for today</source>
        <translation>Omitir por hoy</translation>
    </message>
    <message>
        <source>Open the post in the browser</source>
        <translation>Abrir la publicación en el navegador</translation>
    </message>
    <message>
        <source>Share this</source>
        <translation>Compartir esto</translation>
    </message>
    <message>
        <source>Show or hide these keys</source>
        <translation>Mostrar u ocultar estas teclas</translation>
    </message>
    <message>
        <source>Close (today&apos;s progress is kept)</source>
        <translation>Cerrar (lo hecho hoy se guarda)</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>Open the link</source>
        <translation>Abrir el enlace</translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation>Repaso diario</translation>
    </message>
    <message numerus="yes">
        <source>Step 1 of 3 · %n people to thank today</source>
        <translation>
            <numerusform>Paso 1 de 3 · %n persona por agradecer hoy</numerusform>
            <numerusform>Paso 1 de 3 · %n personas por agradecer hoy</numerusform>
        </translation>
    </message>
    <message>
        <source>Recently thanked (%1): you can let it be with K.</source>
        <translation>Agradecimiento reciente (%1): puedes dejarlo pasar con K.</translation>
    </message>
    <message>
        <source>Done for today</source>
        <translation>Listo por hoy</translation>
    </message>
    <message>
        <source>Step 3 of 3</source>
        <translation>Paso 3 de 3</translation>
    </message>
    <message numerus="yes">
        <source>%n people thanked</source>
        <translation>
            <numerusform>Agradeciste a %n persona</numerusform>
            <numerusform>Agradeciste a %n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n things shared</source>
        <translation>
            <numerusform>compartiste %n enlace</numerusform>
            <numerusform>compartiste %n enlaces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days in a row</source>
        <translation>
            <numerusform>%n día seguido</numerusform>
            <numerusform>%n días seguidos</numerusform>
        </translation>
    </message>
    <message>
        <source>a fine start</source>
        <translation>un buen comienzo</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Algo salió mal: %1</translation>
    </message>
</context>
<context>
    <name>ComposeArea</name>
    <message>
        <source>The network whose length rule and handles apply</source>
        <translation>La red que marca el límite de longitud y los nombres de usuario</translation>
    </message>
    <message>
        <source>The text of your share post</source>
        <translation>El texto de tu publicación para compartir</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Publicación</translation>
    </message>
    <message>
        <source>Post it from your account (Ctrl+Return)</source>
        <translation>Publícalo desde tu cuenta (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Copy the post to paste it on the network, then Mark shared (Ctrl+Shift+C)</source>
        <translation>Copia la publicación para pegarla en la red y después usa Marcar como compartido (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Put the draft away (Esc)</source>
        <translation>Aparta el borrador (Esc)</translation>
    </message>
    <message>
        <source>Share on</source>
        <translation>Compartir en</translation>
    </message>
</context>
<context>
    <name>ComposeFlow</name>
    <message>
        <source>Connect a %1 account in Accounts to post from here (Ctrl+Return)</source>
        <translation>Conecta una cuenta de %1 en Cuentas para publicar desde aquí (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Too long to post on %1: shorten it first (Ctrl+Return)</source>
        <translation>Demasiado largo para publicar en %1: acórtalo primero (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Post it on %1 from your account, for everyone to see (Ctrl+Return)</source>
        <translation>Publícalo en %1 desde tu cuenta, a la vista de todos (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Publicando…</translation>
    </message>
    <message>
        <source>Connect a %1 account in Accounts to post from here, or copy the text.</source>
        <translation>Conecta una cuenta de %1 en Cuentas para publicar desde aquí, o copia el texto.</translation>
    </message>
    <message>
        <source>Posted to %1: %2</source>
        <translation>Publicado en %1: %2</translation>
    </message>
    <message>
        <source>Not posted: %1</source>
        <translation>No publicado: %1</translation>
    </message>
    <message>
        <source>Your text is kept: compose that link again.</source>
        <translation>Tu texto se conserva: vuelve a redactar la publicación de ese enlace.</translation>
    </message>
    <message>
        <source>Copied. Post it, then press Mark shared (M).</source>
        <translation>Copiado. Publícalo y después haz clic en Marcar como compartido (M).</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>This is demo data: nothing is posted. Connect an account to thank people for real.</source>
        <translation>Estos son datos de demostración: no se publica nada. Conecta una cuenta para agradecer de verdad.</translation>
    </message>
    <message>
        <source>the demo makes between 1 and %1 people, not %2</source>
        <translation>la demostración crea entre 1 y %1 personas, no %2</translation>
    </message>
    <message>
        <source>this store already has data; use an empty --data-dir for the demo</source>
        <translation>este almacén ya tiene datos; usa un --data-dir vacío para la demostración</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Reciprocity is still running</source>
        <translation>Reciprocity sigue en ejecución</translation>
    </message>
    <message>
        <source>It keeps syncing in the tray. Quit from the tray menu.</source>
        <translation>Sigue sincronizando desde la bandeja del sistema. Para salir, usa el menú de la bandeja.</translation>
    </message>
    <message>
        <source>Making the demo store…</source>
        <translation>Creando los datos de demostración…</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>bundle</source>
        <translation>paquete autónomo</translation>
    </message>
    <message>
        <source>Python %1</source>
        <translation>Python %1</translation>
    </message>
    <message>
        <source>no thank-you templates</source>
        <translation>no hay plantillas de agradecimiento</translation>
    </message>
    <message>
        <source>no compiled catalog in %1</source>
        <translation>no hay ningún catálogo compilado en %1</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>the demo content is empty</source>
        <translation>el contenido de demostración está vacío</translation>
    </message>
    <message numerus="yes">
        <source>%n feeds</source>
        <translation>
            <numerusform>%n fuente</numerusform>
            <numerusform>%n fuentes</numerusform>
        </translation>
    </message>
    <message>
        <source>a new store did not reach the newest schema</source>
        <translation>una base de datos nueva no llegó al esquema más reciente</translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation>esquema %1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>falta: %1</translation>
    </message>
    <message>
        <source>the keyring gave back another secret</source>
        <translation>el llavero devolvió otro secreto</translation>
    </message>
    <message>
        <source>%1 (backends found: %2)</source>
        <translation>%1 (motores encontrados: %2)</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>bien</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>FALTA</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>no se puede leer %1</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 está vacío</translation>
    </message>
    <message>
        <source>no data shown within %1 s</source>
        <translation>no mostró datos en %1 s</translation>
    </message>
    <message>
        <source>painted %1 ms after start, its data shown at %2 ms (%3); people to thank: %4</source>
        <translation>dibujada %1 ms después de arrancar, con sus datos a los %2 ms (%3); personas a quienes agradecer: %4</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Writing a draft…</source>
        <translation>Redactando un borrador…</translation>
    </message>
    <message>
        <source>No draft: %1</source>
        <translation>Sin borrador: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>queda %n</numerusform>
            <numerusform>quedan %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n carácter</numerusform>
            <numerusform>%n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>Too long to post: %1. Shorten it before you post.</source>
        <translation>Demasiado largo para publicar: %1. Acórtalo antes de publicar.</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>nothing pending; nothing to thank for</source>
        <translation>nada pendiente; no hay nada que agradecer</translation>
    </message>
    <message>
        <source>nothing pending for %1; nothing to thank for</source>
        <translation>%1 no tiene nada pendiente; no hay nada que agradecer</translation>
    </message>
    <message>
        <source>a group thank-you needs at least one person</source>
        <translation>un agradecimiento conjunto necesita al menos una persona</translation>
    </message>
    <message>
        <source>none of these people has anything pending about %1</source>
        <translation>ninguna de estas personas tiene nada pendiente relacionado con %1</translation>
    </message>
    <message>
        <source>no network</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>%1 has no identity on %2; they are on %3</source>
        <translation>%1 no tiene identidad en %2; sus redes: %3</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>the data does not fit together: %1</source>
        <translation>los datos no son coherentes entre sí: %1</translation>
    </message>
    <message>
        <source>the store could not be used: %1</source>
        <translation>no se pudo usar el almacén: %1</translation>
    </message>
    <message>
        <source>no candidate with id %1</source>
        <translation>no hay ningún enlace con el id %1</translation>
    </message>
    <message>
        <source>Malformed URL %1: %2</source>
        <translation>La URL %1 está mal formada: %2</translation>
    </message>
    <message>
        <source>Not an http(s) URL: %1</source>
        <translation>No es una URL http(s): %1</translation>
    </message>
    <message>
        <source>URL has no host: %1</source>
        <translation>La URL no tiene host: %1</translation>
    </message>
    <message>
        <source>URL host contains whitespace: %1</source>
        <translation>El host de la URL contiene espacios en blanco: %1</translation>
    </message>
    <message>
        <source>URL has an invalid port: %1</source>
        <translation>La URL tiene un puerto no válido: %1</translation>
    </message>
    <message>
        <source>no account with id %1</source>
        <translation>no hay ninguna cuenta con el id %1</translation>
    </message>
    <message>
        <source>unknown candidate state %1; use one of %2</source>
        <translation>estado de enlace desconocido %1; usa uno de estos: %2</translation>
    </message>
    <message>
        <source>several people are called %1 (ids %2): give the id</source>
        <translation>varias personas se llaman %1 (ids %2): indica el id</translation>
    </message>
    <message>
        <source>say which network it happened on, e.g. --network linkedin</source>
        <translation>indica en qué red ocurrió, p. ej. --network linkedin</translation>
    </message>
    <message>
        <source>say who: a person id or a name</source>
        <translation>indica quién: el id de una persona o un nombre</translation>
    </message>
    <message>
        <source>no person with id %1</source>
        <translation>no hay ninguna persona con el id %1</translation>
    </message>
    <message>
        <source>unknown action %1; use one of %2</source>
        <translation>acción desconocida %1; usa una de estas: %2</translation>
    </message>
    <message>
        <source>unknown way to thank %1; use one of %2</source>
        <translation>forma de agradecer desconocida %1; usa una de estas: %2</translation>
    </message>
    <message>
        <source>snoozing needs a date to come back on</source>
        <translation>para posponer hace falta una fecha de regreso</translation>
    </message>
    <message>
        <source>snooze date %1 is not in the future</source>
        <translation>la fecha para posponer %1 no está en el futuro</translation>
    </message>
    <message>
        <source>nothing is pending for %1</source>
        <translation>no hay nada pendiente con %1</translation>
    </message>
    <message>
        <source>nothing is pending for %1 any more: thanked at %2</source>
        <translation>ya no hay nada pendiente con %1: se le agradeció el %2</translation>
    </message>
    <message>
        <source>nothing is pending for %1 any more: dismissed at %2</source>
        <translation>ya no hay nada pendiente con %1: se dejó estar el %2</translation>
    </message>
    <message>
        <source>nothing is pending for %1 any more: answered at %2</source>
        <translation>ya no hay nada pendiente con %1: se respondió el %2</translation>
    </message>
    <message>
        <source>persons %1 and %2 are already the same person</source>
        <translation>las personas %1 y %2 ya son la misma persona</translation>
    </message>
    <message>
        <source>the database URL is not usable: %1</source>
        <translation>la URL de la base de datos no se puede usar: %1</translation>
    </message>
    <message>
        <source>cannot open the store %1: it is a directory</source>
        <translation>no se puede abrir el almacén %1: es una carpeta</translation>
    </message>
    <message>
        <source>cannot create the store %1: %2</source>
        <translation>no se puede crear el almacén %1: %2</translation>
    </message>
    <message>
        <source>cannot reach the store %1: %2</source>
        <translation>no se puede conectar con el almacén %1: %2</translation>
    </message>
    <message>
        <source>cannot read the store %1: it is damaged or not a Reciprocity store (%2)</source>
        <translation>no se puede leer el almacén %1: está dañado o no es un almacén de Reciprocity (%2)</translation>
    </message>
    <message>
        <source>%1 is not a Reciprocity store (it has other tables)</source>
        <translation>%1 no es un almacén de Reciprocity (tiene otras tablas)</translation>
    </message>
    <message>
        <source>the store %1 was written by a newer version of Reciprocity (schema %2, this version knows up to %3); install the newer version, or use another --data-dir</source>
        <translation>el almacén %1 lo escribió una versión más reciente de Reciprocity (esquema %2; esta versión conoce hasta el %3); instala la versión más reciente o usa otro --data-dir</translation>
    </message>
    <message>
        <source>could not migrate the store %1: another member&apos;s Reciprocity kept it locked too long (it may be migrating it); try again in a minute</source>
        <translation>no se pudo migrar el almacén %1: el Reciprocity de otra persona del grupo lo tuvo bloqueado demasiado tiempo (quizá lo está migrando); vuelve a intentarlo en un minuto</translation>
    </message>
    <message>
        <source>could not migrate the store %1: %2</source>
        <translation>no se pudo migrar el almacén %1: %2</translation>
    </message>
    <message>
        <source>account %1 is not an imported archive</source>
        <translation>la cuenta %1 no es un archivo importado</translation>
    </message>
    <message>
        <source>%1 is not a search page (give the “next” of a search)</source>
        <translation>%1 no es una página de búsqueda (indica el «next» de una búsqueda)</translation>
    </message>
    <message>
        <source>unknown kind %1; use one of %2</source>
        <translation>tipo desconocido %1; usa uno de %2</translation>
    </message>
    <message>
        <source>unknown network %1; use one of %2</source>
        <translation>red desconocida %1; usa una de %2</translation>
    </message>
    <message>
        <source>the limit must be from 1 to %1</source>
        <translation>el límite debe estar entre 1 y %1</translation>
    </message>
    <message>
        <source>nothing to search for: type a word or a name</source>
        <translation>no hay nada que buscar: escribe una palabra o un nombre</translation>
    </message>
    <message>
        <source>the search is too long: at most %1 characters</source>
        <translation>la búsqueda es demasiado larga: como mucho %1 caracteres</translation>
    </message>
    <message>
        <source>nothing to search for in %1: type letters or digits</source>
        <translation>no hay nada que buscar en %1: escribe letras o cifras</translation>
    </message>
    <message>
        <source>too many words: search with at most %1</source>
        <translation>demasiadas palabras: busca con %1 como mucho</translation>
    </message>
    <message>
        <source>a search&apos;s start time needs a time zone</source>
        <translation>el momento de inicio de una búsqueda necesita una zona horaria</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (line %2, column %3: %4)</source>
        <translation>%1 no es un JSON válido (línea %2, columna %3: %4)</translation>
    </message>
    <message>
        <source>%1 is not a Reciprocity export</source>
        <translation>%1 no es una exportación de Reciprocity</translation>
    </message>
    <message>
        <source>%1 has export format %2; this version reads format %3</source>
        <translation>%1 tiene el formato de exportación %2; esta versión lee el formato %3</translation>
    </message>
    <message>
        <source>%1 has no tables</source>
        <translation>%1 no tiene tablas</translation>
    </message>
    <message>
        <source>%1: %2 row %3</source>
        <translation>%1: %2, fila %3</translation>
    </message>
    <message>
        <source>%1: %2 has a bad date %3</source>
        <translation>%1: la columna %2 tiene una fecha no válida: %3</translation>
    </message>
    <message>
        <source>import needs an empty store; use a new --data-dir</source>
        <translation>para importar hace falta un almacén vacío; usa un --data-dir nuevo</translation>
    </message>
    <message>
        <source>%1 has tables this version does not know: %2</source>
        <translation>%1 tiene tablas que esta versión no conoce: %2</translation>
    </message>
    <message>
        <source>%1: table %2 is not a list</source>
        <translation>%1: la tabla %2 no es una lista</translation>
    </message>
    <message>
        <source>%1 does not match this version&apos;s columns</source>
        <translation>%1 no coincide con las columnas de esta versión</translation>
    </message>
    <message>
        <source>%1: table %2 does not fit: %3</source>
        <translation>%1: la tabla %2 no encaja: %3</translation>
    </message>
</context>
<context>
    <name>Feeds</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <source>cannot import %1: %2</source>
        <translation>no se puede importar %1: %2</translation>
    </message>
    <message>
        <source>%1 asked to slow down until %2 UTC; not asked again before then</source>
        <translation>%1 pidió ir más despacio hasta las %2 UTC; no se le vuelve a preguntar antes</translation>
    </message>
    <message>
        <source>could not fetch the feed at %1: %2</source>
        <translation>no se pudo obtener la fuente de %1: %2</translation>
    </message>
    <message>
        <source>the address %1 did not return a feed: %2</source>
        <translation>la dirección %1 no devolvió una fuente: %2</translation>
    </message>
    <message>
        <source>could not read the feed at %1 (%2)</source>
        <translation>no se pudo leer la fuente de %1 (%2)</translation>
    </message>
    <message>
        <source>the feed at %1 is not well-formed (%2); read 1 entry</source>
        <translation>la fuente de %1 no está bien formada (%2); se leyó 1 entrada</translation>
    </message>
    <message numerus="yes">
        <source>the feed at %1 is not well-formed (%2); read %n entries</source>
        <translation>
            <numerusform>la fuente de %1 no está bien formada (%2); se leyó %n entrada</numerusform>
            <numerusform>la fuente de %1 no está bien formada (%2); se leyeron %n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>the response was empty</source>
        <translation>la respuesta estaba vacía</translation>
    </message>
    <message>
        <source>the response is too large (%1 MB)</source>
        <translation>la respuesta es demasiado grande (%1 MB)</translation>
    </message>
    <message>
        <source>it is JSON, but not a JSON Feed</source>
        <translation>es JSON, pero no es un JSON Feed</translation>
    </message>
    <message>
        <source>it is a web page (HTML), not RSS, Atom or JSON Feed</source>
        <translation>es una página web (HTML), no RSS, Atom ni JSON Feed</translation>
    </message>
    <message>
        <source>it is not RSS, Atom or JSON Feed</source>
        <translation>no es RSS, Atom ni JSON Feed</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
    <message>
        <source>this OPML file declares a DOCTYPE or entities, which are refused</source>
        <translation>este archivo OPML declara un DOCTYPE o entidades, y no se admiten</translation>
    </message>
    <message>
        <source>%1 is too large to be a list of feeds</source>
        <translation>%1 es demasiado grande para ser una lista de fuentes</translation>
    </message>
    <message>
        <source>this document is too large to be a list of feeds</source>
        <translation>este documento es demasiado grande para ser una lista de fuentes</translation>
    </message>
    <message>
        <source>this is not an OPML file: it is not well-formed XML (%1)</source>
        <translation>no es un archivo OPML: no es XML bien formado (%1)</translation>
    </message>
    <message>
        <source>this is not an OPML file: the document is &lt;%1&gt;, not &lt;opml&gt;</source>
        <translation>no es un archivo OPML: el documento es &lt;%1&gt;, no &lt;opml&gt;</translation>
    </message>
</context>
<context>
    <name>FeedsDialog</name>
    <message>
        <source>Add feeds</source>
        <translation>Añadir fuentes</translation>
    </message>
    <message>
        <source>Blogs, newspapers and YouTube channels publish feeds (RSS, Atom or JSON Feed). Their new articles become things you might share.</source>
        <translation>Los blogs, periódicos y canales de YouTube publican fuentes (RSS, Atom o JSON Feed). Sus artículos nuevos se convierten en cosas que podrías compartir.</translation>
    </message>
    <message>
        <source>Feed &amp;addresses, one per line:</source>
        <translation>&amp;Direcciones de las fuentes, una por línea:</translation>
    </message>
    <message>
        <source>These are the &amp;comments feeds of my own blog: each comment is a reply to me</source>
        <translation>Son las fuentes de co&amp;mentarios de mi propio blog: cada comentario es una respuesta dirigida a mí</translation>
    </message>
    <message>
        <source>Import &amp;OPML…</source>
        <translation>Importar &amp;OPML…</translation>
    </message>
    <message>
        <source>Every feed of a list exported by a feed reader</source>
        <translation>Todas las fuentes de una lista exportada desde un lector de fuentes</translation>
    </message>
    <message>
        <source>Add &amp;feeds</source>
        <translation>Añadir &amp;fuentes</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Adding the feeds…</source>
        <translation>Añadiendo las fuentes…</translation>
    </message>
    <message>
        <source>Added 1 feed.</source>
        <translation>Se añadió 1 fuente.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n feeds.</source>
        <translation>
            <numerusform>Se añadió %n fuente.</numerusform>
            <numerusform>Se añadieron %n fuentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already following %1.</source>
        <translation>Ya en tu lista: %1.</translation>
    </message>
    <message>
        <source>Not added:</source>
        <translation>Sin añadir:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>1 share</source>
        <translation>1 compartido</translation>
    </message>
    <message numerus="yes">
        <source>%n shares</source>
        <translation>
            <numerusform>%n compartido</numerusform>
            <numerusform>%n compartidos</numerusform>
        </translation>
    </message>
    <message>
        <source>1 quote</source>
        <translation>1 cita</translation>
    </message>
    <message numerus="yes">
        <source>%n quotes</source>
        <translation>
            <numerusform>%n cita</numerusform>
            <numerusform>%n citas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 mention</source>
        <translation>1 mención</translation>
    </message>
    <message numerus="yes">
        <source>%n mentions</source>
        <translation>
            <numerusform>%n mención</numerusform>
            <numerusform>%n menciones</numerusform>
        </translation>
    </message>
    <message>
        <source>1 reply</source>
        <translation>1 respuesta</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n respuesta</numerusform>
            <numerusform>%n respuestas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 like</source>
        <translation>1 me gusta</translation>
    </message>
    <message numerus="yes">
        <source>%n likes</source>
        <translation>
            <numerusform>%n me gusta</numerusform>
            <numerusform>%n me gusta</numerusform>
        </translation>
    </message>
    <message>
        <source>1 follow</source>
        <translation>1 seguimiento</translation>
    </message>
    <message numerus="yes">
        <source>%n follows</source>
        <translation>
            <numerusform>%n seguimiento</numerusform>
            <numerusform>%n seguimientos</numerusform>
        </translation>
    </message>
    <message>
        <source>Mastodon</source>
        <translation>Mastodon</translation>
    </message>
    <message>
        <source>Bluesky</source>
        <translation>Bluesky</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>YouTube</source>
        <translation>YouTube</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Blog comments</source>
        <translation>Comentarios del blog</translation>
    </message>
    <message>
        <source>X archive</source>
        <translation>Archivo de X</translation>
    </message>
</context>
<context>
    <name>GroupThanks</name>
    <message>
        <source>Writing a draft…</source>
        <translation>Redactando un borrador…</translation>
    </message>
    <message>
        <source>No draft: %1</source>
        <translation>Sin borrador: %1</translation>
    </message>
    <message>
        <source>Part %1: %2</source>
        <translation>Parte %1: %2</translation>
    </message>
    <message>
        <source>Not mentioned, so still waiting afterwards: %1.</source>
        <translation>Sin mencionar, así que seguirán pendientes después: %1.</translation>
    </message>
    <message>
        <source>Thanks all %1 of them, in %2 replies.</source>
        <translation>Agradece a las %1 personas en %2 respuestas.</translation>
    </message>
    <message numerus="yes">
        <source>Thanks all %n of them.</source>
        <translation>
            <numerusform>Agradece a %n persona.</numerusform>
            <numerusform>Agradece a las %n personas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Thanks them.</source>
        <translation>Le da las gracias.</translation>
    </message>
    <message>
        <source>Empty: write something or it cannot be sent.</source>
        <translation>Sin texto: escribe algo o no se podrá enviar.</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>no tiene texto</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>queda %n</numerusform>
            <numerusform>quedan %n</numerusform>
        </translation>
    </message>
    <message>
        <source>it mentions none of them: who is it thanking?</source>
        <translation>no menciona a nadie del grupo: ¿a quién da las gracias?</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Copied; paste it under your post. Marked thanked: %1.</source>
        <translation>Copiado; pégalo debajo de tu publicación. Agradecimiento marcado para %1.</translation>
    </message>
    <message>
        <source>Sent. Thanked %1.</source>
        <translation>Enviado. Agradeciste a %1.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>They shared your post “%1”</source>
        <translation>Compartió tu publicación “%1”</translation>
    </message>
    <message>
        <source>They quoted your post “%1”</source>
        <translation>Citó tu publicación “%1”</translation>
    </message>
    <message>
        <source>They mentioned you: “%1”</source>
        <translation>Te mencionó: “%1”</translation>
    </message>
    <message>
        <source>They replied to you: “%1”</source>
        <translation>Te respondió: “%1”</translation>
    </message>
    <message>
        <source>They liked your post “%1”</source>
        <translation>Dio me gusta a tu publicación “%1”</translation>
    </message>
    <message>
        <source>You shared their post “%1”</source>
        <translation>Compartiste su publicación “%1”</translation>
    </message>
    <message>
        <source>You quoted their post “%1”</source>
        <translation>Citaste su publicación “%1”</translation>
    </message>
    <message>
        <source>You mentioned them: “%1”</source>
        <translation>Mencionaste a esta persona: “%1”</translation>
    </message>
    <message>
        <source>You replied to them: “%1”</source>
        <translation>Le respondiste: “%1”</translation>
    </message>
    <message>
        <source>You liked their post “%1”</source>
        <translation>Diste me gusta a su publicación “%1”</translation>
    </message>
    <message>
        <source>They shared your post</source>
        <translation>Compartió tu publicación</translation>
    </message>
    <message>
        <source>They quoted your post</source>
        <translation>Citó tu publicación</translation>
    </message>
    <message>
        <source>They mentioned you</source>
        <translation>Te mencionó</translation>
    </message>
    <message>
        <source>They replied to you</source>
        <translation>Te respondió</translation>
    </message>
    <message>
        <source>They liked your post</source>
        <translation>Dio me gusta a tu publicación</translation>
    </message>
    <message>
        <source>They followed you</source>
        <translation>Te siguió</translation>
    </message>
    <message>
        <source>You shared their post</source>
        <translation>Compartiste su publicación</translation>
    </message>
    <message>
        <source>You quoted their post</source>
        <translation>Citaste su publicación</translation>
    </message>
    <message>
        <source>You mentioned them</source>
        <translation>Mencionaste a esta persona</translation>
    </message>
    <message>
        <source>You replied to them</source>
        <translation>Le respondiste</translation>
    </message>
    <message>
        <source>You liked their post</source>
        <translation>Diste me gusta a su publicación</translation>
    </message>
    <message>
        <source>You followed them</source>
        <translation>Seguiste a esta persona</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the post.</source>
        <translation>Haz doble clic o pulsa Enter para abrir la publicación.</translation>
    </message>
    <message>
        <source>Answered (thanked, let be or snoozed)</source>
        <translation>Respondido (agradecido, dejado pasar o pospuesto)</translation>
    </message>
    <message>
        <source>Waiting for a thank-you</source>
        <translation>Esperando un agradecimiento</translation>
    </message>
</context>
<context>
    <name>Keyring</name>
    <message>
        <source>install and unlock a Secret Service provider such as gnome-keyring or KWallet (Debian: apt-get install gnome-keyring), or set PYTHON_KEYRING_BACKEND explicitly</source>
        <translation>instala y desbloquea un proveedor de Secret Service, como gnome-keyring o KWallet (Debian: apt-get install gnome-keyring), o define PYTHON_KEYRING_BACKEND de forma explícita</translation>
    </message>
    <message>
        <source>No usable keyring: %1</source>
        <translation>No hay ningún llavero utilizable: %1</translation>
    </message>
    <message>
        <source>Your keyring is locked: unlock it (e.g. log in to your desktop session) to sync</source>
        <translation>Tu llavero está bloqueado: desbloquéalo (p. ej., iniciando tu sesión de escritorio) para sincronizar</translation>
    </message>
    <message>
        <source>Only an unencrypted file keyring (%1) is available, and Reciprocity won&apos;t keep tokens in plaintext unless you choose that yourself: %2</source>
        <translation>Solo hay disponible un llavero en archivo sin cifrar (%1), y Reciprocity no guarda tokens en texto plano a menos que lo elijas tú: %2</translation>
    </message>
    <message>
        <source>The keyring is disabled (keyring.backends.null is configured), so tokens can&apos;t be saved: remove it from keyringrc.cfg or PYTHON_KEYRING_BACKEND, or %1</source>
        <translation>El llavero está desactivado (keyring.backends.null está configurado), así que no se pueden guardar los tokens: quítalo de keyringrc.cfg o de PYTHON_KEYRING_BACKEND, o %1</translation>
    </message>
    <message>
        <source>The keyring (%1) failed with %2. Check that it is running and unlocked, or %3</source>
        <translation>El llavero (%1) falló con %2. Comprueba que esté en ejecución y desbloqueado, o %3</translation>
    </message>
</context>
<context>
    <name>Length</name>
    <message>
        <source>1 grapheme over %1&apos;s limit of %2</source>
        <translation>1 grafema por encima del límite de %2 en %1</translation>
    </message>
    <message numerus="yes">
        <source>%n graphemes over %1&apos;s limit of %2</source>
        <translation>
            <numerusform>%n grafema por encima del límite de %2 en %1</numerusform>
            <numerusform>%n grafemas por encima del límite de %2 en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>1 character over %1&apos;s limit of %2</source>
        <translation>1 carácter por encima del límite de %2 en %1</translation>
    </message>
    <message numerus="yes">
        <source>%n characters over %1&apos;s limit of %2</source>
        <translation>
            <numerusform>%n carácter por encima del límite de %2 en %1</numerusform>
            <numerusform>%n caracteres por encima del límite de %2 en %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — Demo data</source>
        <translation>%1 — Datos de demostración</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>You are exploring demo data: nothing here is real, and nothing is posted.</source>
        <translation>Estás explorando datos de demostración: nada de esto es real y no se publica nada.</translation>
    </message>
    <message>
        <source>&amp;Leave the demo and delete it</source>
        <translation>Sa&amp;lir de la demostración y borrarla</translation>
    </message>
    <message>
        <source>Store unreachable — working offline on nothing new</source>
        <translation>Almacén inaccesible: sin conexión, no llega nada nuevo</translation>
    </message>
    <message>
        <source>Works offline on what is already stored.</source>
        <translation>Funciona sin conexión con lo que ya está guardado.</translation>
    </message>
    <message>
        <source>Thank</source>
        <translation>Agradecer</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;Reciprocity</source>
        <translation>&amp;Reciprocity</translation>
    </message>
    <message>
        <source>&amp;Check in now</source>
        <translation>Hacer el &amp;repaso ahora</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>&amp;Log an interaction…</source>
        <translation>Registrar una &amp;interacción…</translation>
    </message>
    <message>
        <source>What no export holds, by hand (Ctrl+L)</source>
        <translation>Lo que ninguna exportación recoge, a mano (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <source>&amp;About Reciprocity</source>
        <translation>&amp;Acerca de Reciprocity</translation>
    </message>
    <message>
        <source>Could not read the store: %1</source>
        <translation>No se pudieron leer tus datos: %1</translation>
    </message>
    <message>
        <source>The demo does not sync: connect an account first.</source>
        <translation>La demostración no se sincroniza: conecta antes una cuenta.</translation>
    </message>
    <message>
        <source>The store is back.</source>
        <translation>El almacén vuelve a estar disponible.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync: problems with %1</source>
        <translation>Sincronización: problemas con %1</translation>
    </message>
    <message>
        <source>No accounts to sync yet</source>
        <translation>Aún no hay cuentas que sincronizar</translation>
    </message>
    <message numerus="yes">
        <source>Synced: %n new</source>
        <translation>
            <numerusform>Sincronizado: %n novedad</numerusform>
            <numerusform>Sincronizado: %n novedades</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Falló la sincronización</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Falló la sincronización: %1</translation>
    </message>
</context>
<context>
    <name>MastodonDialog</name>
    <message>
        <source>Sign in to Mastodon</source>
        <translation>Iniciar sesión en Mastodon</translation>
    </message>
    <message>
        <source>Reciprocity reads who boosted, quoted, mentioned, replied to or favourited you. It posts only when you click Send on a draft. The sign-in is kept in your keyring.</source>
        <translation>Reciprocity lee quién compartió o citó tus publicaciones, quién te mencionó o te respondió y quién les dio me gusta. Solo publica cuando haces clic en Enviar en un borrador. El inicio de sesión se guarda en tu llavero.</translation>
    </message>
    <message>
        <source>example.social or @you@example.social</source>
        <translation>ejemplo.social o @tunombre@ejemplo.social</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation>Iniciar sesión con el &amp;navegador</translation>
    </message>
    <message>
        <source>I have an &amp;access token</source>
        <translation>Tengo un token de &amp;acceso</translation>
    </message>
    <message>
        <source>Your server&apos;s sign-in page opens in the browser. Approve Reciprocity there, then paste the code it shows you here.</source>
        <translation>La página de inicio de sesión de tu servidor se abre en el navegador. Autoriza a Reciprocity allí y luego pega aquí el código que te muestre.</translation>
    </message>
    <message>
        <source>The code your server showed you</source>
        <translation>El código que te mostró tu servidor</translation>
    </message>
    <message>
        <source>Co&amp;de:</source>
        <translation>Có&amp;digo:</translation>
    </message>
    <message>
        <source>Open the page again</source>
        <translation>Volver a abrir la página</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>Copiar el enlace</translation>
    </message>
    <message>
        <source>Your access token</source>
        <translation>Tu token de acceso</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Make one on your server: Preferences → Development → New application, with the scopes read, write:statuses and write:favourites. Then copy “Your access token” here.</source>
        <translation>Crea uno en tu servidor: Preferencias → Desarrollo → Nueva aplicación, con los permisos read, write:statuses y write:favourites. Luego copia aquí “Tu token de acceso”.</translation>
    </message>
    <message>
        <source>Approve Reciprocity on %1 in your browser, then paste the code it shows you here.</source>
        <translation>Autoriza a Reciprocity en %1 desde tu navegador y luego pega aquí el código que te muestre.</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <source>&amp;Open sign-in page</source>
        <translation>Abrir la &amp;página de inicio de sesión</translation>
    </message>
    <message>
        <source>Signs in at %1</source>
        <translation>Se iniciará sesión en %1</translation>
    </message>
    <message>
        <source>Checking the token with %1…</source>
        <translation>Comprobando el token con %1…</translation>
    </message>
    <message>
        <source>Asking %1 for its sign-in page…</source>
        <translation>Pidiendo a %1 su página de inicio de sesión…</translation>
    </message>
    <message>
        <source>Finishing the sign-in with %1…</source>
        <translation>Finalizando el inicio de sesión con %1…</translation>
    </message>
    <message>
        <source>The link is on the clipboard.</source>
        <translation>El enlace está en el portapapeles.</translation>
    </message>
    <message>
        <source>Signed in to Mastodon as %1.</source>
        <translation>Sesión iniciada en Mastodon como %1.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %1 with…</source>
        <translation>Fusionar a %1 con…</translation>
    </message>
    <message>
        <source>Search by name or handle  (Ctrl+F)</source>
        <translation>Buscar por nombre o usuario  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionar</translation>
    </message>
    <message>
        <source>Make them one person (Ctrl+Enter)</source>
        <translation>Fusiónalos en una sola persona (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Pick the other record of the same human. Their identities, history, thank-yous, notes and tags join %1.</source>
        <translation>Elige el otro registro de la misma persona real. Sus identidades, historial, agradecimientos, notas y etiquetas pasan a %1.</translation>
    </message>
    <message>
        <source>Nobody else matches “%1”. Try part of the name or a handle.</source>
        <translation>Nadie más coincide con “%1”. Prueba con parte del nombre o con un nombre de usuario.</translation>
    </message>
    <message>
        <source>There is nobody else to merge with.</source>
        <translation>No hay nadie más con quien fusionar.</translation>
    </message>
    <message>
        <source>%1 (%2) and %3 (%4) become one person; nothing is deleted.</source>
        <translation>%1 (%2) y %3 (%4) pasan a ser una sola persona; no se borra nada.</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>%1 and 1 other</source>
        <translation>%1 y otra persona</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n others</source>
        <translation>
            <numerusform>%1 y %n persona más</numerusform>
            <numerusform>%1 y %n personas más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>%1: the field %2 is not a string</source>
        <translation>%1: el campo %2 no es una cadena de texto</translation>
    </message>
    <message>
        <source>saved cursor %1 is not &apos;time|uri&apos;</source>
        <translation>el cursor guardado %1 no tiene el formato &apos;time|uri&apos;</translation>
    </message>
    <message>
        <source>%1: %2 is not a record at-uri</source>
        <translation>%1: %2 no es la at-uri de un registro</translation>
    </message>
    <message>
        <source>%1: %2 is not a DID</source>
        <translation>%1: %2 no es un DID</translation>
    </message>
    <message>
        <source>%1: the saved cursor was unreadable; read from the start</source>
        <translation>%1: no se pudo leer el cursor guardado; se leyó desde el principio</translation>
    </message>
    <message>
        <source>%1: no reason</source>
        <translation>%1: sin motivo</translation>
    </message>
    <message numerus="yes">
        <source>%1: stopped after %n pages; older items were not read</source>
        <translation>
            <numerusform>%1: se detuvo tras %n página; no se leyeron los elementos más antiguos</numerusform>
            <numerusform>%1: se detuvo tras %n páginas; no se leyeron los elementos más antiguos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the field %2 is missing</source>
        <translation>%1: falta el campo %2</translation>
    </message>
    <message>
        <source>%1: the field %2 should be text</source>
        <translation>%1: el campo %2 debería ser texto</translation>
    </message>
    <message>
        <source>%1: the field %2 should be a list</source>
        <translation>%1: el campo %2 debería ser una lista</translation>
    </message>
    <message>
        <source>%1: expected an object, got %2</source>
        <translation>%1: se esperaba un objeto y llegó %2</translation>
    </message>
    <message>
        <source>%1: expected a list, got %2</source>
        <translation>%1: se esperaba una lista y llegó %2</translation>
    </message>
    <message>
        <source>%1: the field %2 is not an object</source>
        <translation>%1: el campo %2 no es un objeto</translation>
    </message>
    <message>
        <source>%1: the field %2 is not a list</source>
        <translation>%1: el campo %2 no es una lista</translation>
    </message>
    <message>
        <source>%1: the field %2 is empty</source>
        <translation>%1: el campo %2 está vacío</translation>
    </message>
    <message>
        <source>%1: the field %2 should be a date</source>
        <translation>%1: el campo %2 debería ser una fecha</translation>
    </message>
    <message>
        <source>%1: the field %2 is not a date (%3)</source>
        <translation>%1: el campo %2 no es una fecha (%3)</translation>
    </message>
    <message>
        <source>the name could not be resolved</source>
        <translation>no se pudo resolver el nombre</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>se rechazó la conexión</translation>
    </message>
    <message>
        <source>the connection was cut off</source>
        <translation>se cortó la conexión</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>falló la conexión</translation>
    </message>
    <message>
        <source>could not make a secure connection to %1</source>
        <translation>no se pudo establecer una conexión segura con %1</translation>
    </message>
    <message>
        <source>it kept answering with server errors</source>
        <translation>respondía una y otra vez con errores del servidor</translation>
    </message>
    <message>
        <source>%1 answered %2 with something that is not JSON (starts with %3)</source>
        <translation>%1 respondió a %2 con algo que no es JSON (empieza por %3)</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 no respondió a tiempo</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>no se puede conectar con %1: %2</translation>
    </message>
    <message>
        <source>%1 no longer accepts the sign-in</source>
        <translation>%1 ya no acepta el inicio de sesión</translation>
    </message>
    <message>
        <source>%1 asks to slow down until %2 UTC</source>
        <translation>%1 pide bajar el ritmo hasta las %2 UTC</translation>
    </message>
    <message>
        <source>%1 refused the request (%2)</source>
        <translation>%1 rechazó la petición (%2)</translation>
    </message>
    <message>
        <source>%1 had a server error (%2)</source>
        <translation>%1 sufrió un error del servidor (%2)</translation>
    </message>
    <message>
        <source>%1: expected an account, got %2</source>
        <translation>%1: se esperaba una cuenta y llegó %2</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>se esperaba un objeto y llegó %1</translation>
    </message>
    <message>
        <source>%1: skipped a malformed item: %2</source>
        <translation>%1: se omitió un elemento mal formado: %2</translation>
    </message>
    <message>
        <source>%1: the server gave no way to read further</source>
        <translation>%1: el servidor no indicó cómo seguir leyendo</translation>
    </message>
    <message>
        <source>%1 replies to an account it does not mention; the reply was skipped</source>
        <translation>%1 responde a una cuenta que no menciona; se omitió la respuesta</translation>
    </message>
    <message>
        <source>%1: a date is missing</source>
        <translation>%1: falta una fecha</translation>
    </message>
    <message>
        <source>%1: %2 is not a date</source>
        <translation>%1: %2 no es una fecha</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>New support</source>
        <translation>Nuevo apoyo</translation>
    </message>
    <message numerus="yes">
        <source>New support from %n people</source>
        <translation>
            <numerusform>Nuevo apoyo de %n persona</numerusform>
            <numerusform>Nuevo apoyo de %n personas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n others</source>
        <translation>
            <numerusform>%1 y %n persona más</numerusform>
            <numerusform>%1 y otras %n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n others</source>
        <translation>
            <numerusform>%1, %2 y %n persona más</numerusform>
            <numerusform>%1, %2 y otras %n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 amplified you</source>
        <translation>
            <numerusform>%1 difundió tus publicaciones</numerusform>
            <numerusform>%1 difundieron tus publicaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 quoted you</source>
        <translation>
            <numerusform>%1 te citó</numerusform>
            <numerusform>%1 te citaron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 replied to you</source>
        <translation>
            <numerusform>%1 te respondió</numerusform>
            <numerusform>%1 te respondieron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 mentioned you</source>
        <translation>
            <numerusform>%1 te mencionó</numerusform>
            <numerusform>%1 te mencionaron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 followed you</source>
        <translation>
            <numerusform>%1 te siguió</numerusform>
            <numerusform>%1 te siguieron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 shared your post</source>
        <translation>
            <numerusform>%1 compartió tu publicación</numerusform>
            <numerusform>%1 compartieron tu publicación</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 liked your post</source>
        <translation>
            <numerusform>%1 dio me gusta a tu publicación</numerusform>
            <numerusform>%1 dieron me gusta a tu publicación</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 shared your post &apos;%2&apos;</source>
        <translation>
            <numerusform>%1 compartió tu publicación &apos;%2&apos;</numerusform>
            <numerusform>%1 compartieron tu publicación &apos;%2&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 liked your post &apos;%2&apos;</source>
        <translation>
            <numerusform>%1 dio me gusta a tu publicación &apos;%2&apos;</numerusform>
            <numerusform>%1 dieron me gusta a tu publicación &apos;%2&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 shared %2 of your posts</source>
        <translation>
            <numerusform>%1 compartió %2 de tus publicaciones</numerusform>
            <numerusform>%1 compartieron %2 de tus publicaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 liked %2 of your posts</source>
        <translation>
            <numerusform>%1 dio me gusta a %2 de tus publicaciones</numerusform>
            <numerusform>%1 dieron me gusta a %2 de tus publicaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>1 person is waiting for a thank-you.</source>
        <translation>1 persona espera un agradecimiento.</translation>
    </message>
    <message numerus="yes">
        <source>%n people are waiting for a thank-you.</source>
        <translation>
            <numerusform>%n persona espera un agradecimiento.</numerusform>
            <numerusform>%n personas esperan un agradecimiento.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time for your check-in</source>
        <translation>Es la hora de tu repaso diario</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Open check-in</source>
        <translation>Abrir el repaso</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>The store is unreachable: nothing was changed, and what you wrote is kept. Reciprocity reconnects by itself.</source>
        <translation>El almacén no responde: no se cambió nada y lo que escribiste se conserva. Reciprocity se vuelve a conectar por sí solo.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Algo salió mal: %1</translation>
    </message>
</context>
<context>
    <name>PendingModel</name>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>What they did</source>
        <translation>Qué hizo</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Última</translation>
    </message>
    <message>
        <source>Why now</source>
        <translation>Por qué ahora</translation>
    </message>
    <message>
        <source>Shared your work</source>
        <translation>Compartió tu trabajo</translation>
    </message>
    <message>
        <source>Talked with you</source>
        <translation>Habló contigo</translation>
    </message>
    <message>
        <source>Liked or followed</source>
        <translation>Me gusta o seguimiento</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Redes</translation>
    </message>
    <message>
        <source>They → you</source>
        <translation>Ellos → tú</translation>
    </message>
    <message>
        <source>You → them</source>
        <translation>Tú → ellos</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>Última interacción</translation>
    </message>
    <message>
        <source>Last thanked</source>
        <translation>Último agradecimiento</translation>
    </message>
    <message>
        <source>Their name as their newest identity shows it</source>
        <translation>Su nombre tal como aparece en su identidad más reciente</translation>
    </message>
    <message>
        <source>Their handles on each network</source>
        <translation>Sus nombres de usuario en cada red</translation>
    </message>
    <message>
        <source>Everything they did for you, all time: shares, quotes, mentions, replies, likes, follows</source>
        <translation>Todo lo que hizo por ti, en total: compartidos, citas, menciones, respuestas, me gusta, seguimientos</translation>
    </message>
    <message>
        <source>Everything you did for them, all time</source>
        <translation>Todo lo que hiciste por esa persona, en total</translation>
    </message>
    <message>
        <source>The latest interaction either way</source>
        <translation>La interacción más reciente, en cualquier sentido</translation>
    </message>
    <message>
        <source>When you last marked them thanked</source>
        <translation>Cuándo registraste tu último agradecimiento</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Everyone you interact with, on every network, most recently active first: what they did for you and what you did for them.</source>
        <translation>Todas las personas con las que interactúas, en todas las redes, primero las de actividad más reciente: lo que hicieron por ti y lo que hiciste por ellas.</translation>
    </message>
    <message>
        <source>Search names and handles  (Ctrl+F)</source>
        <translation>Buscar nombres y usuarios  (Ctrl+F)</translation>
    </message>
    <message>
        <source>People who look like one person on several networks</source>
        <translation>Personas que parecen la misma en varias redes</translation>
    </message>
    <message>
        <source>What each of you did, per period (Alt+L)</source>
        <translation>Lo que hizo cada uno, por periodo (Alt+L)</translation>
    </message>
    <message>
        <source>Interactions both ways, newest first (Alt+H)</source>
        <translation>Interacciones en ambos sentidos, primero las más recientes (Alt+H)</translation>
    </message>
    <message>
        <source>Your notes and tags (Alt+N, Ctrl+E)</source>
        <translation>Tus notas y etiquetas (Alt+N, Ctrl+E)</translation>
    </message>
    <message>
        <source>1 suggested merge…</source>
        <translation>1 fusión sugerida…</translation>
    </message>
    <message numerus="yes">
        <source>%n suggested merges…</source>
        <translation>
            <numerusform>%n fusión sugerida…</numerusform>
            <numerusform>%n fusiones sugeridas…</numerusform>
        </translation>
    </message>
    <message>
        <source>No people yet</source>
        <translation>Aún no hay personas</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 persona</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 personas</translation>
    </message>
    <message>
        <source>Could not read the list: %1</source>
        <translation>No se pudo leer la lista: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Nobody matches “%1”.</source>
        <translation>Nadie coincide con “%1”.</translation>
    </message>
    <message>
        <source>People appear here after your first sync, or with demo data.</source>
        <translation>Las personas aparecen aquí después de tu primera sincronización, o con los datos de demostración.</translation>
    </message>
    <message>
        <source>%1 found.</source>
        <translation>Resultados: %1.</translation>
    </message>
    <message>
        <source>Notes for %1 saved.</source>
        <translation>Notas de %1 guardadas.</translation>
    </message>
    <message>
        <source>%1 and %2 are now one person.</source>
        <translation>%1 y %2 ahora son una sola persona.</translation>
    </message>
</context>
<context>
    <name>PersonDetails</name>
    <message>
        <source>&amp;Ledger</source>
        <translation>Ba&amp;lance</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>&amp;Notes and tags</source>
        <translation>&amp;Notas y etiquetas</translation>
    </message>
    <message>
        <source>&amp;Merge with…</source>
        <translation>&amp;Fusionar con…</translation>
    </message>
    <message>
        <source>Make this person and another record of the same human one person (Ctrl+M)</source>
        <translation>Fusiona a esta persona con otro registro de la misma persona real (Ctrl+M)</translation>
    </message>
    <message>
        <source>They → you</source>
        <translation>Ellos → tú</translation>
    </message>
    <message>
        <source>You → them</source>
        <translation>Tú → ellos</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Desde siempre</translation>
    </message>
    <message>
        <source>What you know about them, how you met, what they care about…</source>
        <translation>Lo que sabes de esta persona, cómo la conociste, qué le interesa…</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. mentor, open source</source>
        <translation>Separadas por comas, p. ej.: mentor, código abierto</translation>
    </message>
    <message>
        <source>&amp;Save notes</source>
        <translation>&amp;Guardar notas</translation>
    </message>
    <message>
        <source>Save the notes and tags (Ctrl+S)</source>
        <translation>Guarda las notas y etiquetas (Ctrl+S)</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>E&amp;tiquetas:</translation>
    </message>
    <message>
        <source>Nobody selected</source>
        <translation>Nadie seleccionado</translation>
    </message>
    <message>
        <source>Pick someone on the left to see your ledger.</source>
        <translation>Elige a alguien a la izquierda para ver el balance entre ambos.</translation>
    </message>
    <message>
        <source>Known since %1</source>
        <translation>En contacto desde %1</translation>
    </message>
    <message>
        <source>last interaction %1</source>
        <translation>última interacción %1</translation>
    </message>
    <message>
        <source>last thanked %1</source>
        <translation>último agradecimiento %1</translation>
    </message>
    <message>
        <source>never thanked</source>
        <translation>sin agradecimientos</translation>
    </message>
    <message>
        <source>combined from %1 records</source>
        <translation>fusión de %1 registros</translation>
    </message>
    <message>
        <source>You thanked them once.</source>
        <translation>Le diste las gracias una vez.</translation>
    </message>
    <message>
        <source>You thanked them %1 times.</source>
        <translation>Le diste las gracias %1 veces.</translation>
    </message>
    <message>
        <source>You have not thanked them yet.</source>
        <translation>Aún no le has dado las gracias.</translation>
    </message>
    <message>
        <source>Last thanked by %1, %2.</source>
        <translation>Agradecido por última vez por %1, %2.</translation>
    </message>
    <message>
        <source>No interactions stored yet.</source>
        <translation>Aún no hay interacciones guardadas.</translation>
    </message>
    <message>
        <source>The latest %1 interactions.</source>
        <translation>Las últimas %1 interacciones.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>&amp;Write thank-you</source>
        <translation>&amp;Escribir agradecimiento</translation>
    </message>
    <message>
        <source>Prepare a personal thank-you for them (W)</source>
        <translation>Prepara un agradecimiento personal para esta persona (W)</translation>
    </message>
    <message>
        <source>Your thank-you…</source>
        <translation>Tu agradecimiento…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Post it as a reply, then mark them thanked (Ctrl+Return)</source>
        <translation>Publícalo como respuesta y marca el agradecimiento (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Mark &amp;thanked</source>
        <translation>Marcar como &amp;agradecido</translation>
    </message>
    <message>
        <source>You thanked them already, here or elsewhere (T)</source>
        <translation>Ya le diste las gracias, aquí o en otro sitio (T)</translation>
    </message>
    <message>
        <source>&amp;Let it be</source>
        <translation>&amp;Dejar pasar</translation>
    </message>
    <message>
        <source>No thank-you needed this time (D)</source>
        <translation>Esta vez no hace falta agradecer (D)</translation>
    </message>
    <message>
        <source>&amp;Snooze a week</source>
        <translation>&amp;Posponer una semana</translation>
    </message>
    <message>
        <source>Remind me in seven days (S)</source>
        <translation>Recuérdamelo dentro de siete días (S)</translation>
    </message>
    <message>
        <source>Nobody selected</source>
        <translation>Nadie seleccionado</translation>
    </message>
    <message>
        <source>Pick someone on the left to see what they did.</source>
        <translation>Elige a alguien a la izquierda para ver qué hizo.</translation>
    </message>
    <message>
        <source>Last thanked %1.</source>
        <translation>Último agradecimiento: %1.</translation>
    </message>
    <message>
        <source>Never thanked yet.</source>
        <translation>Aún no le has dado las gracias.</translation>
    </message>
    <message>
        <source>Recently thanked (%1): you can let it be this time (D).</source>
        <translation>Agradecimiento reciente (%1): esta vez puedes dejarlo pasar (D).</translation>
    </message>
    <message numerus="yes">
        <source>and %n more posts</source>
        <translation>
            <numerusform>y %n publicación más</numerusform>
            <numerusform>y %n publicaciones más</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 also shared “%2”.</source>
        <translation>También compartido por %1: “%2”.</translation>
    </message>
    <message>
        <source>Thank them together</source>
        <translation>Agradecer en grupo</translation>
    </message>
    <message>
        <source>Copy and open</source>
        <translation>Copiar y abrir</translation>
    </message>
    <message>
        <source>Copy the thank-you and open their post or profile to paste it there; they are marked thanked (Ctrl+Return)</source>
        <translation>Copia el agradecimiento y abre su publicación o su perfil para pegarlo allí; queda marcado como agradecido (Ctrl+Return)</translation>
    </message>
</context>
<context>
    <name>PersonThanks</name>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Copied; paste it where you talk with them.</source>
        <translation>Copiado; pégalo donde hables con esa persona.</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Enviado.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
</context>
<context>
    <name>PostGroupModel</name>
    <message>
        <source>Post</source>
        <translation>Publicación</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Red</translation>
    </message>
</context>
<context>
    <name>PostGroupPanel</name>
    <message>
        <source>Click a name to see that person on their own</source>
        <translation>Haz clic en un nombre para ver a esa persona por separado</translation>
    </message>
    <message>
        <source>&amp;Write group thank-you</source>
        <translation>&amp;Escribir agradecimiento conjunto</translation>
    </message>
    <message>
        <source>Prepare one thank-you under your post that mentions them all (W)</source>
        <translation>Prepara un único agradecimiento bajo tu publicación que mencione a todas esas personas (W)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Post it as a reply under your post, then mark them all thanked (Ctrl+Return)</source>
        <translation>Publícalo como respuesta bajo tu publicación y marca el agradecimiento a todos (Ctrl+Return)</translation>
    </message>
    <message>
        <source>No post selected</source>
        <translation>Ninguna publicación seleccionada</translation>
    </message>
    <message>
        <source>When several people who are waiting for a thank-you shared the same post of yours, it is listed on the left: thank them all in one reply.</source>
        <translation>Cuando varias personas que esperan un agradecimiento compartieron la misma publicación tuya, aparece a la izquierda: agradéceles a todas en una sola respuesta.</translation>
    </message>
    <message numerus="yes">
        <source>%n people shared this post</source>
        <translation>
            <numerusform>%n persona compartió esta publicación</numerusform>
            <numerusform>%n personas compartieron esta publicación</numerusform>
        </translation>
    </message>
    <message>
        <source>On %1</source>
        <translation>En %1</translation>
    </message>
    <message>
        <source>latest %1</source>
        <translation>última vez %1</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Mentions %1</source>
        <translation>Menciona a %1</translation>
    </message>
    <message>
        <source>Your thank-you…</source>
        <translation>Tu agradecimiento…</translation>
    </message>
    <message>
        <source>Part %1 of %2</source>
        <translation>Parte %1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>Send %n posts</source>
        <translation>
            <numerusform>Enviar %n publicación</numerusform>
            <numerusform>Enviar %n publicaciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Carpeta</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Ver en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Ficheros de &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>QuickEntryDialog</name>
    <message>
        <source>Log an interaction</source>
        <translation>Registrar una interacción</translation>
    </message>
    <message>
        <source>A name, or their profile URL</source>
        <translation>Un nombre, o la URL de su perfil</translation>
    </message>
    <message>
        <source>Commented or replied</source>
        <translation>Comentó o respondió</translation>
    </message>
    <message>
        <source>Shared or reposted</source>
        <translation>Compartió o republicó</translation>
    </message>
    <message>
        <source>Quoted</source>
        <translation>Citó</translation>
    </message>
    <message>
        <source>Mentioned</source>
        <translation>Mencionó</translation>
    </message>
    <message>
        <source>Liked or reacted</source>
        <translation>Dio me gusta o reaccionó</translation>
    </message>
    <message>
        <source>Followed or connected</source>
        <translation>Siguió o conectó</translation>
    </message>
    <message>
        <source>They did it for me</source>
        <translation>Lo hizo por mí</translation>
    </message>
    <message>
        <source>I did it for them</source>
        <translation>Lo hice yo por esa persona</translation>
    </message>
    <message>
        <source>The post concerned (optional)</source>
        <translation>La publicación en cuestión (opcional)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Quién</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>Qué &amp;hizo</translation>
    </message>
    <message>
        <source>&amp;On</source>
        <translation>&amp;Red</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Publicación</translation>
    </message>
    <message>
        <source>Whe&amp;n</source>
        <translation>&amp;Cuándo</translation>
    </message>
    <message>
        <source>Say who: a name or a profile URL.</source>
        <translation>Di quién: un nombre o la URL de un perfil.</translation>
    </message>
    <message>
        <source>Saved: %1, %2 on %3 (a new person).</source>
        <translation>Guardado: %1, %2 en %3 (una persona nueva).</translation>
    </message>
    <message>
        <source>Saved: %1, %2 on %3.</source>
        <translation>Guardado: %1, %2 en %3.</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>matches your interests: %1</source>
        <translation>coincide con tus intereses: %1</translation>
    </message>
    <message>
        <source>shared by 1 person in your network</source>
        <translation>compartido por 1 persona de tu red</translation>
    </message>
    <message numerus="yes">
        <source>shared by %n people in your network</source>
        <translation>
            <numerusform>compartido por %n persona de tu red</numerusform>
            <numerusform>compartido por %n personas de tu red</numerusform>
        </translation>
    </message>
    <message>
        <source>by the author, one of your supporters</source>
        <translation>de quien lo escribió, uno de tus apoyos</translation>
    </message>
    <message>
        <source>by %1, one of your supporters</source>
        <translation>de %1, uno de tus apoyos</translation>
    </message>
    <message>
        <source>seen today</source>
        <translation>visto hoy</translation>
    </message>
    <message>
        <source>seen 1 day ago</source>
        <translation>visto hace 1 día</translation>
    </message>
    <message numerus="yes">
        <source>seen %n days ago</source>
        <translation>
            <numerusform>visto hace %n día</numerusform>
            <numerusform>visto hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Your interests: %1</source>
        <translation>Tus intereses: %1</translation>
    </message>
    <message numerus="yes">
        <source>Shared by %n in your network</source>
        <translation>
            <numerusform>Compartido por %n de tu red</numerusform>
            <numerusform>Compartido por %n de tu red</numerusform>
        </translation>
    </message>
    <message>
        <source>By a supporter</source>
        <translation>De uno de tus apoyos</translation>
    </message>
    <message>
        <source>New, seen today</source>
        <translation>Nuevo, visto hoy</translation>
    </message>
    <message>
        <source>New, seen 1 day ago</source>
        <translation>Nuevo, visto hace 1 día</translation>
    </message>
    <message numerus="yes">
        <source>New, seen %n days ago</source>
        <translation>
            <numerusform>Nuevo, visto hace %n día</numerusform>
            <numerusform>Nuevo, visto hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>1 grapheme over %1&apos;s limit of %2</source>
        <translation>1 grafema por encima del límite de %2 en %1</translation>
    </message>
    <message numerus="yes">
        <source>%n graphemes over %1&apos;s limit of %2</source>
        <translation>
            <numerusform>%n grafema por encima del límite de %2 en %1</numerusform>
            <numerusform>%n grafemas por encima del límite de %2 en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>1 character over %1&apos;s limit of %2</source>
        <translation>1 carácter por encima del límite de %2 en %1</translation>
    </message>
    <message numerus="yes">
        <source>%n characters over %1&apos;s limit of %2</source>
        <translation>
            <numerusform>%n carácter por encima del límite de %2 en %1</numerusform>
            <numerusform>%n caracteres por encima del límite de %2 en %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Enter shows their ledger.</source>
        <translation>Intro muestra su balance.</translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message>
        <source>not sent: part %1: %2</source>
        <translation>no enviado: parte %1: %2</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>no enviado: %1</translation>
    </message>
    <message>
        <source>part %1 of %2 was not sent: %3. Thanked: %4; still waiting: %5</source>
        <translation>la parte %1 de %2 no se envió: %3. Ya agradecidos: %4; aún pendientes: %5</translation>
    </message>
    <message>
        <source>the group thank-you is empty</source>
        <translation>el agradecimiento conjunto no tiene texto</translation>
    </message>
    <message>
        <source>part %1 is empty</source>
        <translation>la parte %1 no tiene texto</translation>
    </message>
    <message>
        <source>the thank-you is empty</source>
        <translation>el agradecimiento no tiene texto</translation>
    </message>
    <message>
        <source>part %1 mentions none of %2: who is it thanking?</source>
        <translation>la parte %1 no menciona a ninguno de %2: ¿a quién da las gracias?</translation>
    </message>
    <message>
        <source>the thank-you mentions none of %1: who is it thanking?</source>
        <translation>el agradecimiento no menciona a ninguno de %1: ¿a quién da las gracias?</translation>
    </message>
    <message>
        <source>%1 has no way to post for you</source>
        <translation>%1 no permite publicar por ti</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <source>the blog</source>
        <translation>el blog</translation>
    </message>
    <message>
        <source>cannot post to %1: copy the text and post it there</source>
        <translation>no se puede publicar en %1: copia el texto y publícalo allí</translation>
    </message>
    <message>
        <source>the share post is empty</source>
        <translation>la publicación para compartir no tiene texto</translation>
    </message>
    <message>
        <source>connect a %1 account to post there, or copy the text</source>
        <translation>conecta una cuenta de %1 para publicar allí, o copia el texto</translation>
    </message>
    <message>
        <source>cannot post on %1</source>
        <translation>no se puede publicar en %1</translation>
    </message>
    <message>
        <source>not posted: %1</source>
        <translation>no publicado: %1</translation>
    </message>
    <message>
        <source>cannot send a thank-you by %1; use reply or like</source>
        <translation>no se puede enviar un agradecimiento mediante %1; usa reply o like</translation>
    </message>
    <message>
        <source>there is no post of %1&apos;s to like</source>
        <translation>no hay ninguna publicación de %1 a la que dar me gusta</translation>
    </message>
    <message>
        <source>the post to reply to is gone or hidden</source>
        <translation>la publicación a la que responder ya no existe o está oculta</translation>
    </message>
    <message>
        <source>the post to like is gone or hidden</source>
        <translation>la publicación a la que dar me gusta ya no existe o está oculta</translation>
    </message>
    <message>
        <source>%1 is not the address of a Bluesky post</source>
        <translation>%1 no es la dirección de una publicación de Bluesky</translation>
    </message>
    <message>
        <source>no Bluesky account has the handle %1</source>
        <translation>ninguna cuenta de Bluesky tiene el nombre de usuario %1</translation>
    </message>
    <message>
        <source>the post is empty</source>
        <translation>la publicación no tiene texto</translation>
    </message>
    <message>
        <source>the post is %1 characters long; Bluesky allows %2</source>
        <translation>la publicación tiene %1 caracteres; Bluesky permite %2</translation>
    </message>
    <message>
        <source>the post is longer than Bluesky&apos;s %1 bytes</source>
        <translation>la publicación supera los %1 bytes que permite Bluesky</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>System (%1)</source>
        <translation>Sistema (%1)</translation>
    </message>
    <message>
        <source>The language of every window, message and the command line; kept on this computer, with your data dir</source>
        <translation>El idioma de todas las ventanas, los mensajes y la línea de comandos; se guarda en este equipo, con tu carpeta de datos</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interfaz</translation>
    </message>
    <message>
        <source>The check-in opens at this time when the app runs</source>
        <translation>El repaso se abre a esta hora cuando la aplicación está en marcha</translation>
    </message>
    <message>
        <source> people</source>
        <translation> personas</translation>
    </message>
    <message>
        <source> links</source>
        <translation> enlaces</translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation>Repaso diario</translation>
    </message>
    <message>
        <source>Check in at</source>
        <translation>Repaso a las</translation>
    </message>
    <message>
        <source>Thank up to</source>
        <translation>Agradecer hasta</translation>
    </message>
    <message>
        <source>Share up to</source>
        <translation>Compartir hasta</translation>
    </message>
    <message>
        <source>Tell me when someone amplifies my posts</source>
        <translation>Avisarme cuando alguien difunda mis publicaciones</translation>
    </message>
    <message>
        <source>No notifications from this time…</source>
        <translation>Sin notificaciones desde esta hora…</translation>
    </message>
    <message>
        <source>…until this time (the next morning if earlier)</source>
        <translation>…hasta esta hora (la mañana siguiente si es anterior)</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Horas de silencio</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>How often accounts and feeds are synced while the app runs (5 or more)</source>
        <translation>Con qué frecuencia se sincronizan las cuentas y fuentes mientras la aplicación está en marcha (5 o más)</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> a la vez</translation>
    </message>
    <message>
        <source>How many feeds are fetched at the same time (never more than two from one server)</source>
        <translation>Cuántas fuentes se descargan a la vez (nunca más de dos del mismo servidor)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Sincronizar cada</translation>
    </message>
    <message>
        <source>Fetch feeds</source>
        <translation>Descargar fuentes</translation>
    </message>
    <message>
        <source>Start Reciprocity when I log in</source>
        <translation>Abrir Reciprocity al iniciar sesión</translation>
    </message>
    <message>
        <source>On this computer only; it starts a few seconds after you log in</source>
        <translation>Solo en este equipo; se abre unos segundos después de que inicies sesión</translation>
    </message>
    <message>
        <source>Start-up</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>People who only liked my posts need thanks too</source>
        <translation>Agradecer también a quienes solo dieron me gusta a mis publicaciones</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Someone thanked within this many days is shown as “recently thanked”</source>
        <translation>Si agradeciste a alguien dentro de este número de días, aparece como “agradecimiento reciente”</translation>
    </message>
    <message>
        <source>For drafts when the language of the person&apos;s post is not known</source>
        <translation>Para los borradores cuando no se conoce el idioma de la publicación de la persona</translation>
    </message>
    <message>
        <source>networking, open source, difusión</source>
        <translation>accesibilidad, código abierto, difusión</translation>
    </message>
    <message>
        <source>Links mentioning these words rank higher in Share (comma separated)</source>
        <translation>Los enlaces que mencionan estas palabras aparecen más arriba en Compartir (separadas por comas)</translation>
    </message>
    <message>
        <source>Thanks and sharing</source>
        <translation>Agradecer y compartir</translation>
    </message>
    <message>
        <source>Recently thanked</source>
        <translation>Agradecimiento reciente</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Idioma predeterminado</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Forget the changes not saved yet</source>
        <translation>Descarta los cambios que aún no has guardado</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation>Guarda la configuración (Ctrl+S)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Kept with your data: they travel with an export to another computer.</source>
        <translation>Se guardan con tus datos: viajan con una exportación a otro equipo.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Quiet hours must start and end at different times.</source>
        <translation>Las horas de silencio deben empezar y terminar a horas distintas.</translation>
    </message>
    <message>
        <source>Sync every %1 minutes or more: networks limit how often apps may ask.</source>
        <translation>Sincroniza cada %1 minutos o más: las redes limitan la frecuencia con la que las aplicaciones pueden hacer peticiones.</translation>
    </message>
    <message>
        <source>Not saved: fix what is shown in red.</source>
        <translation>No se guardó: corrige lo que aparece en rojo.</translation>
    </message>
    <message>
        <source>the system did not allow it</source>
        <translation>el sistema no lo permitió</translation>
    </message>
    <message>
        <source>Saved, but start at login could not be changed: %1</source>
        <translation>Guardado, pero no se pudo cambiar el inicio automático: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>Reciprocity will speak %1 after a restart.</source>
        <translation>Reciprocity se mostrará en %1 después de reiniciar.</translation>
    </message>
    <message>
        <source>Restart now? Nothing you saved is lost.</source>
        <translation>¿Reiniciar ahora? No perderás nada de lo que hayas guardado.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Reiniciar ahora</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <source>Loading what to share…</source>
        <translation>Cargando contenido para compartir…</translation>
    </message>
    <message>
        <source>Links that reached you through your feeds and timeline, ranked by your interests, how many people in your network shared them, and freshness.</source>
        <translation>Enlaces que te llegaron a través de tus fuentes y tu cronología, ordenados según tus intereses, cuántas personas de tu red los compartieron y lo recientes que son.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <source>New links, not yet saved, shared or skipped (Alt+1)</source>
        <translation>Enlaces nuevos, aún sin guardar, compartir ni omitir (Alt+1)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardados</translation>
    </message>
    <message>
        <source>Saved for later (Alt+2)</source>
        <translation>Guardados para más tarde (Alt+2)</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Compartidos</translation>
    </message>
    <message>
        <source>What you shared (Alt+3)</source>
        <translation>Lo que compartiste (Alt+3)</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitidos</translation>
    </message>
    <message>
        <source>What you skipped; restore from here (Alt+4)</source>
        <translation>Lo que omitiste; restáuralo desde aquí (Alt+4)</translation>
    </message>
    <message>
        <source>Filter by title, author, site or reason  (Ctrl+F)</source>
        <translation>Filtrar por título, autor, sitio o motivo  (Ctrl+F)</translation>
    </message>
    <message>
        <source>1 link worth sharing</source>
        <translation>1 enlace para compartir</translation>
    </message>
    <message numerus="yes">
        <source>%n links worth sharing</source>
        <translation>
            <numerusform>%n enlace para compartir</numerusform>
            <numerusform>%n enlaces para compartir</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new to share: add feeds or sync an account</source>
        <translation>Nada nuevo que compartir: añade fuentes o sincroniza una cuenta</translation>
    </message>
    <message numerus="yes">
        <source>%n saved for later</source>
        <translation>
            <numerusform>%n guardado para más tarde</numerusform>
            <numerusform>%n guardados para más tarde</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing saved</source>
        <translation>Nada guardado</translation>
    </message>
    <message numerus="yes">
        <source>%n shared</source>
        <translation>
            <numerusform>%n compartido</numerusform>
            <numerusform>%n compartidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing shared yet</source>
        <translation>Aún no has compartido nada</translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n omitido</numerusform>
            <numerusform>%n omitidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing skipped</source>
        <translation>Nada omitido</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Enlace copiado.</translation>
    </message>
    <message>
        <source>Saved for later.</source>
        <translation>Guardado para más tarde.</translation>
    </message>
    <message>
        <source>Skipped.</source>
        <translation>Omitido.</translation>
    </message>
    <message>
        <source>Back in Open.</source>
        <translation>De vuelta en Nuevos.</translation>
    </message>
    <message>
        <source>Marked shared: counted as support for %1.</source>
        <translation>Marcado como compartido: cuenta como apoyo a %1.</translation>
    </message>
    <message>
        <source>the author</source>
        <translation>quien lo escribió</translation>
    </message>
    <message>
        <source>Marked shared.</source>
        <translation>Marcado como compartido.</translation>
    </message>
</context>
<context>
    <name>ShareStep</name>
    <message>
        <source>Daily check-in</source>
        <translation>Repaso diario</translation>
    </message>
    <message numerus="yes">
        <source>Step 2 of 3 · %n things worth sharing</source>
        <translation>
            <numerusform>Paso 2 de 3 · %n enlace que vale la pena compartir</numerusform>
            <numerusform>Paso 2 de 3 · %n enlaces que vale la pena compartir</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy and mark shared</source>
        <translation>Copiar y marcar como compartido</translation>
    </message>
    <message>
        <source>Post to %1</source>
        <translation>Publicar en %1</translation>
    </message>
    <message>
        <source>Copied: paste it where you post.</source>
        <translation>Copiado: pégalo donde publiques.</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Publicando…</translation>
    </message>
    <message>
        <source>Posted: %1</source>
        <translation>Publicado: %1</translation>
    </message>
    <message>
        <source>Not posted: %1</source>
        <translation>No publicado: %1</translation>
    </message>
</context>
<context>
    <name>Sign-in</name>
    <message>
        <source>paste the code your server showed you</source>
        <translation>pega el código que te mostró tu servidor</translation>
    </message>
    <message>
        <source>paste the access token from your server&apos;s settings</source>
        <translation>pega el token de acceso de la configuración de tu servidor</translation>
    </message>
    <message>
        <source>enter your Bluesky handle, like you.bsky.social</source>
        <translation>escribe tu usuario de Bluesky, como tunombre.bsky.social</translation>
    </message>
    <message>
        <source>enter an app password (make one in Bluesky: Settings → Privacy and security → App passwords)</source>
        <translation>escribe una contraseña de aplicación (créala en Bluesky: Ajustes → Privacidad y seguridad → Contraseñas de aplicación)</translation>
    </message>
    <message>
        <source>paste the API key from the Google Cloud console (YouTube Data API v3 → Credentials → API key)</source>
        <translation>pega la clave de API de la consola de Google Cloud (YouTube Data API v3 → Credenciales → Clave de API)</translation>
    </message>
    <message>
        <source>Bluesky no longer accepts the sign-in of @%1: sign in again</source>
        <translation>Bluesky ya no acepta el inicio de sesión de @%1: vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>this Bluesky account asks for a sign-in code sent by email (two-factor sign-in): create an app password in Bluesky&apos;s settings (Privacy and security &gt; App passwords) and sign in with it instead of the account password</source>
        <translation>esta cuenta de Bluesky pide un código de inicio de sesión enviado por correo electrónico (verificación en dos pasos): crea una contraseña de aplicación en los ajustes de Bluesky (Privacidad y seguridad &gt; Contraseñas de aplicación) e inicia sesión con ella en lugar de la contraseña de la cuenta</translation>
    </message>
    <message>
        <source>Bluesky says this account has been taken down or suspended</source>
        <translation>Bluesky indica que esta cuenta ha sido retirada o suspendida</translation>
    </message>
    <message>
        <source>%1: handle or app password not accepted; check both and try again</source>
        <translation>%1: no se aceptó el usuario o la contraseña de aplicación; revisa ambos y vuelve a intentarlo</translation>
    </message>
    <message>
        <source>Bluesky ended the session of @%1: sign in again</source>
        <translation>Bluesky cerró la sesión de @%1: vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>Enter the address of your Mastodon server, like example.social.</source>
        <translation>Escribe la dirección de tu servidor de Mastodon, como ejemplo.social.</translation>
    </message>
    <message>
        <source>%1 is not a web address (use https://…).</source>
        <translation>%1 no es una dirección web (usa https://…).</translation>
    </message>
    <message>
        <source>%1 is not a Mastodon handle: write it like @you@example.social.</source>
        <translation>%1 no es un usuario de Mastodon: escríbelo así: @tunombre@ejemplo.social.</translation>
    </message>
    <message>
        <source>%1 does not look like the address of a Mastodon server (it should look like example.social).</source>
        <translation>%1 no parece la dirección de un servidor de Mastodon (debería tener la forma ejemplo.social).</translation>
    </message>
    <message>
        <source>%1 no longer knows this app: start signing in again</source>
        <translation>%1 ya no reconoce esta aplicación: vuelve a empezar el inicio de sesión</translation>
    </message>
    <message>
        <source>the code was not accepted: paste it again, or start signing in again if it keeps failing</source>
        <translation>no se aceptó el código: vuelve a pegarlo o, si sigue fallando, empieza de nuevo el inicio de sesión</translation>
    </message>
    <message>
        <source>no access token in the keyring: sign in again</source>
        <translation>no hay ningún token de acceso en el llavero: vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>no Bluesky session in the keyring: sign in again</source>
        <translation>no hay ninguna sesión de Bluesky en el llavero: vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>no YouTube API key in the keyring: add the account again</source>
        <translation>no hay ninguna clave de API de YouTube en el llavero: vuelve a añadir la cuenta</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Something went wrong (%1); the log has the details</source>
        <translation>Algo salió mal (%1); encontrarás los detalles en el archivo de registro</translation>
    </message>
    <message>
        <source>Import feeds from OPML</source>
        <translation>Importar fuentes desde OPML</translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>Archivos OPML (*.opml *.xml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Imported %1 feeds from %2 (%3 new).</source>
        <translation>Se importaron %1 fuentes de %2 (%3 nuevas).</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>%1 is not a database URL (e.g. postgresql://ana@server/team)</source>
        <translation>%1 no es la URL de una base de datos (p. ej. postgresql://ana@servidor/grupo)</translation>
    </message>
    <message>
        <source>%1: only PostgreSQL and SQLite stores are supported</source>
        <translation>%1: solo se admiten almacenes PostgreSQL y SQLite</translation>
    </message>
    <message>
        <source>%1 is not empty: a copy goes into an empty store</source>
        <translation>%1 no está vacío: una copia va a un almacén vacío</translation>
    </message>
</context>
<context>
    <name>StoreBox</name>
    <message>
        <source>Store</source>
        <translation>Almacén</translation>
    </message>
    <message>
        <source>postgresql://ana@server/team</source>
        <translation>postgresql://ana@servidor/grupo</translation>
    </message>
    <message>
        <source>A PostgreSQL database your team shares; its password is kept in your keyring</source>
        <translation>Una base de datos PostgreSQL que comparte tu grupo de trabajo; su contraseña se guarda en tu llavero</translation>
    </message>
    <message>
        <source>&amp;Use this store</source>
        <translation>&amp;Usar este almacén</translation>
    </message>
    <message>
        <source>Use this &amp;computer&apos;s own file</source>
        <translation>Usar el archivo propio de este &amp;equipo</translation>
    </message>
    <message>
        <source>Shared with your team: %1</source>
        <translation>Compartido con tu grupo de trabajo: %1</translation>
    </message>
    <message>
        <source>This computer&apos;s own file: %1</source>
        <translation>El archivo propio de este equipo: %1</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Abriendo el almacén…</translation>
    </message>
    <message>
        <source>Saved. Reciprocity opens it after a restart.</source>
        <translation>Guardado. Reciprocity lo abre después de reiniciar.</translation>
    </message>
    <message>
        <source>Reciprocity opens the new store after a restart.</source>
        <translation>Reciprocity abre el nuevo almacén después de reiniciar.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Sin cambios: %1</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Suggested merges</source>
        <translation>Fusiones sugeridas</translation>
    </message>
    <message>
        <source>These look like one person seen on several networks. Merge them to see everything they did in one place; nothing is merged until you say so.</source>
        <translation>Parecen la misma persona vista en varias redes. Fusiónalas para ver en un solo sitio todo lo que hizo; no se fusiona nada hasta que tú lo digas.</translation>
    </message>
    <message>
        <source>the same name</source>
        <translation>el mismo nombre</translation>
    </message>
    <message>
        <source>the same handle (%1)</source>
        <translation>el mismo nombre de usuario (%1)</translation>
    </message>
    <message>
        <source>their %1 profile links to %2</source>
        <translation>su perfil de %1 enlaza a %2</translation>
    </message>
    <message>
        <source>%1 (%2) and %3 (%4): %5</source>
        <translation>%1 (%2) y %3 (%4): %5</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <source>Not the same</source>
        <translation>No es la misma</translation>
    </message>
    <message>
        <source>No more suggestions.</source>
        <translation>No hay más sugerencias.</translation>
    </message>
    <message>
        <source>%1 and %2 are now one person.</source>
        <translation>%1 y %2 ahora son una sola persona.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>interaction without an external id</source>
        <translation>interacción sin id externo</translation>
    </message>
    <message>
        <source>interaction %1: the person has no stable id</source>
        <translation>interacción %1: la persona no tiene un id estable</translation>
    </message>
    <message>
        <source>interaction %1: time without a time zone</source>
        <translation>interacción %1: hora sin zona horaria</translation>
    </message>
    <message>
        <source>stopped before the end; the rest comes next time</source>
        <translation>se detuvo antes del final; el resto llegará la próxima vez</translation>
    </message>
    <message>
        <source>%1 is being synced on another computer; skipped</source>
        <translation>%1 se está sincronizando en otro equipo; se omite</translation>
    </message>
    <message>
        <source>the store could not be used (%1); what was saved stays, the rest comes next time</source>
        <translation>no se pudo usar el almacén (%1); lo guardado se conserva y el resto llegará la próxima vez</translation>
    </message>
    <message>
        <source>rate limited until %1</source>
        <translation>límite de peticiones alcanzado hasta las %1</translation>
    </message>
    <message>
        <source>%1: %2; skipped</source>
        <translation>%1: %2; se omite</translation>
    </message>
    <message>
        <source>%1 is connected on %2&apos;s computer; it syncs there</source>
        <translation>%1 está conectada en el equipo de %2; se sincroniza allí</translation>
    </message>
    <message>
        <source>%1: syncing…</source>
        <translation>%1: sincronizando…</translation>
    </message>
</context>
<context>
    <name>Sync progress</name>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Syncing %1 of 1 feed…</source>
        <translation>Sincronizando %1 de 1 fuente…</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %1 of %n feeds…</source>
        <translation>
            <numerusform>Sincronizando %1 de %n fuente…</numerusform>
            <numerusform>Sincronizando %1 de %n fuentes…</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing %1 of 1 account…</source>
        <translation>Sincronizando %1 de 1 cuenta…</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %1 of %n accounts…</source>
        <translation>
            <numerusform>Sincronizando %1 de %n cuenta…</numerusform>
            <numerusform>Sincronizando %1 de %n cuentas…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %1 of %n feeds and accounts…</source>
        <translation>
            <numerusform>Sincronizando %1 de %n fuente y cuenta…</numerusform>
            <numerusform>Sincronizando %1 de %n fuentes y cuentas…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>1 feed waits for its server</source>
        <translation>1 fuente espera a su servidor</translation>
    </message>
    <message numerus="yes">
        <source>%n feeds wait for their server</source>
        <translation>
            <numerusform>%n fuente espera a su servidor</numerusform>
            <numerusform>%n fuentes esperan a su servidor</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced: %1; %2</source>
        <translation>Sincronizado: %1; %2</translation>
    </message>
    <message>
        <source>1 account is being synced on another computer</source>
        <translation>1 cuenta se está sincronizando en otro equipo</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts are being synced on other computers</source>
        <translation>
            <numerusform>%n cuenta se está sincronizando en otros equipos</numerusform>
            <numerusform>%n cuentas se están sincronizando en otros equipos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n novedad</numerusform>
            <numerusform>%n novedades</numerusform>
        </translation>
    </message>
    <message>
        <source>Their servers asked to slow down: they are asked again once the time they gave has passed. The other feeds synced.</source>
        <translation>Sus servidores pidieron ir más despacio: se les vuelve a preguntar cuando pase el tiempo que indicaron. Las demás fuentes se sincronizaron.</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>no thank-you templates in %1; available: %2</source>
        <translation>no hay plantillas de agradecimiento para %1; disponibles: %2</translation>
    </message>
    <message>
        <source>unbalanced { or }</source>
        <translation>hay una llave { o } sin pareja</translation>
    </message>
    <message>
        <source>write variables as {name} only, not %1</source>
        <translation>escribe las variables solo como {name}, no como %1</translation>
    </message>
    <message>
        <source>unknown variable %1</source>
        <translation>variable desconocida %1</translation>
    </message>
    <message>
        <source>template %1: %2</source>
        <translation>plantilla %1: %2</translation>
    </message>
    <message>
        <source>no thank-you templates at %1</source>
        <translation>no hay plantillas de agradecimiento en %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1: expected an object of situations</source>
        <translation>%1: se esperaba un objeto de situaciones</translation>
    </message>
    <message>
        <source>%1: no variants for %2</source>
        <translation>%1: no hay variantes para %2</translation>
    </message>
    <message>
        <source>%1: %2 has an empty variant</source>
        <translation>%1: %2 tiene una variante vacía</translation>
    </message>
    <message>
        <source>%1: %2 variant %3 uses unknown %4</source>
        <translation>%1: la variante %3 de %2 usa variables desconocidas: %4</translation>
    </message>
    <message>
        <source>%1: no credit words (by, via)</source>
        <translation>%1: faltan las palabras de crédito (by, via)</translation>
    </message>
</context>
<context>
    <name>TemplatesBox</name>
    <message>
        <source>Thank-you templates</source>
        <translation>Plantillas de agradecimiento</translation>
    </message>
    <message>
        <source>The language of the templates</source>
        <translation>El idioma de las plantillas</translation>
    </message>
    <message>
        <source>What the people being thanked did</source>
        <translation>Lo que hicieron las personas a las que agradeces</translation>
    </message>
    <message>
        <source>One variant per line</source>
        <translation>Una variante por línea</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Restablecer predeterminadas</translation>
    </message>
    <message>
        <source>Forget your variants for this language and situation</source>
        <translation>Olvida tus variantes para este idioma y esta situación</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>One variant per line; drafts rotate through them. You can use {name}, {mention}, {title}, {count}, {network} and, for several people, {mentions}.</source>
        <translation>Una variante por línea; los borradores las van alternando. Puedes usar {name}, {mention}, {title}, {count}, {network} y, para varias personas, {mentions}.</translation>
    </message>
    <message>
        <source>Someone shared one of my posts</source>
        <translation>Alguien compartió una de mis publicaciones</translation>
    </message>
    <message>
        <source>Someone shared several of my posts</source>
        <translation>Alguien compartió varias de mis publicaciones</translation>
    </message>
    <message>
        <source>Someone quoted me</source>
        <translation>Alguien me citó</translation>
    </message>
    <message>
        <source>Someone mentioned me</source>
        <translation>Alguien me mencionó</translation>
    </message>
    <message>
        <source>Someone replied to me</source>
        <translation>Alguien me respondió</translation>
    </message>
    <message>
        <source>A new follower</source>
        <translation>Alguien nuevo me sigue</translation>
    </message>
    <message>
        <source>Several people shared the same post</source>
        <translation>Varias personas compartieron la misma publicación</translation>
    </message>
    <message>
        <source>Someone liked my posts</source>
        <translation>A alguien le gustaron mis publicaciones</translation>
    </message>
    <message>
        <source>Templates (%1): write at least one variant, or Restore defaults.</source>
        <translation>Plantillas (%1): escribe al menos una variante o usa Restablecer predeterminadas.</translation>
    </message>
    <message>
        <source>Templates (%1): %2 in “%3”.</source>
        <translation>Plantillas (%1): %2 en “%3”.</translation>
    </message>
    <message>
        <source>Your own variants, used instead of the defaults.</source>
        <translation>Tus propias variantes, que se usan en lugar de las predeterminadas.</translation>
    </message>
    <message>
        <source>The defaults from %1.</source>
        <translation>Las predeterminadas de %1.</translation>
    </message>
    <message>
        <source>No default templates found (%1): write your own, one per line.</source>
        <translation>No se encontraron plantillas predeterminadas (%1): escribe las tuyas, una por línea.</translation>
    </message>
</context>
<context>
    <name>ThankPage</name>
    <message>
        <source>Loading who to thank…</source>
        <translation>Cargando a quién agradecer…</translation>
    </message>
    <message>
        <source>People who shared, quoted, mentioned or replied to you, most important first.</source>
        <translation>Personas que compartieron tus publicaciones, te citaron, te mencionaron o te respondieron, primero las más importantes.</translation>
    </message>
    <message>
        <source>Posts of yours that several people shared: thank them all in one reply under the post.</source>
        <translation>Publicaciones tuyas que compartieron varias personas: agradéceles a todas con una sola respuesta bajo la publicación.</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personas</translation>
    </message>
    <message>
        <source>One row per person (Alt+P)</source>
        <translation>Una fila por persona (Alt+P)</translation>
    </message>
    <message>
        <source>&amp;By post</source>
        <translation>Por pu&amp;blicación</translation>
    </message>
    <message>
        <source>Posts several people shared: thank them together (Alt+B)</source>
        <translation>Publicaciones que compartieron varias personas: agradéceles en grupo (Alt+B)</translation>
    </message>
    <message>
        <source>Filter by name or what they did  (Ctrl+F)</source>
        <translation>Filtrar por nombre o por lo que hicieron  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter by post or name  (Ctrl+F)</source>
        <translation>Filtrar por publicación o nombre  (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;By post (%1)</source>
        <translation>Por pu&amp;blicación (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n people to thank</source>
        <translation>
            <numerusform>%n persona por agradecer</numerusform>
            <numerusform>%n personas por agradecer</numerusform>
        </translation>
    </message>
    <message>
        <source>1 person to thank</source>
        <translation>1 persona por agradecer</translation>
    </message>
    <message>
        <source>Nobody is waiting for a thank-you</source>
        <translation>Nadie espera un agradecimiento</translation>
    </message>
</context>
<context>
    <name>ThankStep</name>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Liking…</source>
        <translation>Dando me gusta…</translation>
    </message>
    <message>
        <source>Copied; paste it where you talk with them.</source>
        <translation>Copiado; pégalo donde hables con esa persona.</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>Enviado a %1.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>nobody waiting for a thank-you</source>
        <translation>nadie espera un agradecimiento</translation>
    </message>
    <message>
        <source>1 person to thank</source>
        <translation>1 persona por agradecer</translation>
    </message>
    <message numerus="yes">
        <source>%n people to thank</source>
        <translation>
            <numerusform>%n persona por agradecer</numerusform>
            <numerusform>%n personas por agradecer</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Check in now</source>
        <translation>Hacer el &amp;repaso ahora</translation>
    </message>
    <message>
        <source>&amp;Check in now (%1 waiting)</source>
        <translation>Hacer el &amp;repaso ahora (%1 pendientes)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>&amp;Pausar notificaciones</translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation>En pausa hasta %1</translation>
    </message>
    <message>
        <source>For 1 &amp;hour</source>
        <translation>Durante 1 &amp;hora</translation>
    </message>
    <message>
        <source>Until &amp;tomorrow</source>
        <translation>Hasta &amp;mañana</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>&amp;Open Reciprocity</source>
        <translation>&amp;Abrir Reciprocity</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>mañana a las %1</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Reciprocity</source>
        <translation>Te damos la bienvenida a Reciprocity</translation>
    </message>
    <message>
        <source>Once a day, Reciprocity tells you who to thank and what to share. It reads who boosted, quoted, mentioned or replied to you, keeps a ledger per person on this computer, and writes a personal thank-you you can send in one click. Nothing is ever posted without your click.</source>
        <translation>Una vez al día, Reciprocity te dice a quién agradecer y qué compartir. Lee quién compartió o citó tus publicaciones y quién te mencionó o te respondió, lleva un balance por persona en este equipo y redacta un agradecimiento personal que puedes enviar con un clic. Nunca se publica nada sin que hagas clic.</translation>
    </message>
    <message>
        <source>Connect &amp;Mastodon</source>
        <translation>Conectar &amp;Mastodon</translation>
    </message>
    <message>
        <source>Any server: sign in once.</source>
        <translation>Cualquier servidor: inicia sesión una vez.</translation>
    </message>
    <message>
        <source>Connect &amp;Bluesky</source>
        <translation>Conectar &amp;Bluesky</translation>
    </message>
    <message>
        <source>With an app password.</source>
        <translation>Con una contraseña de aplicación.</translation>
    </message>
    <message>
        <source>Add &amp;feeds</source>
        <translation>Añadir &amp;fuentes</translation>
    </message>
    <message>
        <source>Blogs, newspapers, YouTube: what to share.</source>
        <translation>Blogs, periódicos, YouTube: contenido para compartir.</translation>
    </message>
    <message>
        <source>Explore with &amp;demo data</source>
        <translation>Explorar con &amp;datos de demostración</translation>
    </message>
    <message>
        <source>A separate store of made-up people; delete it in one click.</source>
        <translation>Un almacén aparte con personas inventadas; bórralo con un clic.</translation>
    </message>
</context>
<context>
    <name>YouTube</name>
    <message>
        <source>enter your channel id (UC…, in YouTube Studio → Settings → Channel → Advanced settings) or your handle (@name)</source>
        <translation>escribe el id de tu canal (UC…, en YouTube Studio → Configuración → Canal → Configuración avanzada) o tu identificador (@nombre)</translation>
    </message>
    <message>
        <source>YouTube has no channel %1: check the id or handle</source>
        <translation>YouTube no tiene ningún canal %1: revisa el id o el identificador</translation>
    </message>
    <message>
        <source>%1; the other comments come next time</source>
        <translation>%1; los demás comentarios llegarán la próxima vez</translation>
    </message>
    <message>
        <source>so many new comments that the oldest of them were not read</source>
        <translation>hay tantos comentarios nuevos que los más antiguos no se han leído</translation>
    </message>
    <message>
        <source>YouTube&apos;s daily quota for this API key is used up; what came before is kept, and the next sync waits until it resets at midnight Pacific time (%1 UTC)</source>
        <translation>se ha agotado la cuota diaria de YouTube para esta clave de API; lo recibido se conserva y la próxima sincronización espera hasta que se renueve a medianoche, hora del Pacífico (%1 UTC)</translation>
    </message>
    <message>
        <source>YouTube does not accept this API key: make a new one in the Google Cloud console (YouTube Data API v3 → Credentials → Create credentials → API key) and add the YouTube account again with it</source>
        <translation>YouTube no acepta esta clave de API: crea una nueva en la consola de Google Cloud (YouTube Data API v3 → Credenciales → Crear credenciales → Clave de API) y vuelve a añadir la cuenta de YouTube con ella</translation>
    </message>
    <message>
        <source>the YouTube Data API v3 is not enabled in this API key&apos;s Google Cloud project: enable it there (APIs &amp; Services → Library), or add the YouTube account again with a key from a project where it is</source>
        <translation>YouTube Data API v3 no está activada en el proyecto de Google Cloud de esta clave de API: actívala allí (APIs y servicios, en inglés «APIs &amp; Services» → Biblioteca), o vuelve a añadir la cuenta de YouTube con una clave de un proyecto donde lo esté</translation>
    </message>
    <message>
        <source>YouTube refuses this API key: its restrictions do not allow the YouTube Data API v3 from this computer. Allow it in the Google Cloud console, or add the YouTube account again with another key</source>
        <translation>YouTube rechaza esta clave de API: sus restricciones no permiten usar YouTube Data API v3 desde este equipo. Permítelo en la consola de Google Cloud, o vuelve a añadir la cuenta de YouTube con otra clave</translation>
    </message>
    <message>
        <source>YouTube says comments are turned off there</source>
        <translation>YouTube dice que ahí los comentarios están desactivados</translation>
    </message>
    <message>
        <source>YouTube says the video is gone (deleted or made private)</source>
        <translation>YouTube dice que el vídeo ya no está (eliminado o privado)</translation>
    </message>
</context>
<context>
    <name>YouTubeDialog</name>
    <message>
        <source>Add YouTube</source>
        <translation>Añadir YouTube</translation>
    </message>
    <message>
        <source>The comments on your channel&apos;s videos count as replies. Make an API key in the Google Cloud console (enable the YouTube Data API v3, then Credentials → Create credentials → API key); it is kept in your keyring.</source>
        <translation>Los comentarios en los vídeos de tu canal cuentan como respuestas. Crea una clave de API en la consola de Google Cloud (activa YouTube Data API v3 y luego Credenciales → Crear credenciales → Clave de API); se guarda en tu llavero.</translation>
    </message>
    <message>
        <source>@yourchannel or UC…</source>
        <translation>@tucanal o UC…</translation>
    </message>
    <message>
        <source>How to make an API key</source>
        <translation>Cómo crear una clave de API</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>C&amp;lave de API:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Checking %1 with YouTube…</source>
        <translation>Comprobando %1 con YouTube…</translation>
    </message>
    <message>
        <source>Added YouTube: %1.</source>
        <translation>YouTube añadido: %1.</translation>
    </message>
</context>
</TS>
