<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>{names} amplified you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New support from %n people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} and %n others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}, {second} and %n others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 person is waiting for a thank-you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n people are waiting for a thank-you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for your check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied; paste it where you talk with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Step 2 of 3 · %n things worth sharing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Copy and mark shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: paste it where you post.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not posted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 mention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n likes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastodon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blog comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a %1 account in Accounts to post from here (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long to post on %1: shorten it first (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post it on %1 from your account, for everyone to see (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a %1 account in Accounts to post from here, or copy the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your text is kept: compose that link again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Post it, then press Mark shared (M).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No draft: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not mentioned, so still waiting afterwards: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thanks all %1 of them, in %2 replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Thanks all %n of them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Thanks them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: write something or it cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>it mentions none of them: who is it thanking?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied; paste it under your post. Marked thanked: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent. Thanked %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDetails</name>
    <message>
        <source>No account selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an account to see how its last sync went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer accepts the saved sign-in: choose Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked Reciprocity to wait: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync failed; the next one tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Add &amp;Mastodon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Bluesky…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;feeds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;OPML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every feed of a list exported by a feed reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch what is new from every account (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in &amp;again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew the sign-in of the selected account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop syncing the selected account; its history stays (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Reciprocity looks for who amplified you and what to share. Tokens stay in your keyring; removing an account keeps its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Mastodon or Bluesky to see who boosts, quotes, mentions and replies to you; add the feeds of blogs, newspapers and YouTube channels to find what to share. Nothing is ever posted without your click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import OPML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop syncing %1? Its history stays in the ledger; the token is deleted from your keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading your feeds (%1)? What they brought stays; adding a feed again brings the list back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1? Its history stays in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1; its history stays in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: problems with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlueskyDialog</name>
    <message>
        <source>Sign in to Bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an app password, not your account password. Reciprocity keeps only the session Bluesky gives it, in your keyring; you can revoke the app password in Bluesky at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you.bsky.social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to make an app password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if your account lives on another server (PDS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to Bluesky as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidatePanel</name>
    <message>
        <source>Why this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a post that credits the author (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You posted it: counts as support for the author in your ledger (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read it first (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the link without tracking parameters (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save for later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it in Saved to share another day (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not for my audience: hide it (K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a link on the left to see why it is here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>shared by %n in your network</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not skipped after all: back to Open (S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many people in your network shared it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckinWindow</name>
    <message>
        <source>Daily check-in — Reciprocity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good to see you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting today&apos;s check-in ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your thank-you…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send thanks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like back only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy and mark shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save for later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Step 1 of 3 · %n people to thank today</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Recently thanked (%1): you can let it be with K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 3 of 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people thanked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n things shared</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days in a row</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>a fine start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeArea</name>
    <message>
        <source>The network whose length rule and handles apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text of your share post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post it from your account (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the post to paste it on the network, then Mark shared (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the draft away (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Reciprocity is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It keeps syncing in the tray. Quit from the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No draft: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Too long to post: %1. Shorten it before you post.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedsDialog</name>
    <message>
        <source>Add feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blogs, newspapers and YouTube channels publish feeds (RSS, Atom or JSON Feed). Their new articles become things you might share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed &amp;addresses, one per line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are the &amp;comments feeds of my own blog: each comment is a reply to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;OPML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every feed of a list exported by a feed reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the feeds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added 1 feed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n feeds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Already following %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the post.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered (thanked, let be or snoozed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a thank-you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> — Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are exploring demo data: nothing here is real, and nothing is posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave the demo and delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works offline on what is already stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reciprocity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check in now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo does not sync: connect an account first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: problems with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts to sync yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Synced: %n new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MastodonDialog</name>
    <message>
        <source>Sign in to Mastodon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reciprocity reads who boosted, quoted, mentioned, replied to or favourited you. It posts only when you click Send on a draft. The sign-in is kept in your keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.social or @you@example.social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have an &amp;access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your server&apos;s sign-in page opens in the browser. Approve Reciprocity there, then paste the code it shows you here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code your server showed you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;de:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the page again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make one on your server: Preferences → Development → New application, with the scopes read, write:statuses and write:favourites. Then copy “Your access token” here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve Reciprocity on %1 in your browser, then paste the code it shows you here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open sign-in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs in at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the token with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for its sign-in page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the sign-in with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to Mastodon as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %1 with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or handle  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make them one person (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the other record of the same human. Their identities, history, thank-yous, notes and tags join %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody else matches “%1”. Try part of the name or a handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nobody else to merge with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) and %3 (%4) become one person; nothing is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Open check-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>They shared your post “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They quoted your post “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They mentioned you: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They replied to you: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They liked your post “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You shared their post “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You quoted their post “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You mentioned them: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You replied to them: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You liked their post “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They shared your post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They quoted your post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They mentioned you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They replied to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They liked your post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They followed you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You shared their post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You quoted their post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You mentioned them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You replied to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You liked their post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You followed them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They → you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You → them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last thanked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their name as their newest identity shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their handles on each network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything they did for you, all time: shares, quotes, mentions, replies, likes, follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything you did for them, all time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest interaction either way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you last marked them thanked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone you interact with, on every network, most recently active first: what they did for you and what you did for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names and handles  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each of you did, per period (Alt+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions both ways, newest first (Alt+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes and tags (Alt+N, Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No people yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People appear here after your first sync, or with demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are now one person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDetails</name>
    <message>
        <source>&amp;Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this person and another record of the same human one person (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They → you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You → them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you know about them, how you met, what they care about…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated, e.g. mentor, open source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the notes and tags (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick someone on the left to see your ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last interaction %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last thanked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never thanked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>combined from %1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You thanked them once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You thanked them %1 times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not thanked them yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interactions stored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest %1 interactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>&amp;Write thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare a personal thank-you for them (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your thank-you…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post it as a reply, then mark them thanked (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;thanked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You thanked them already, here or elsewhere (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Let it be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No thank-you needed this time (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me in seven days (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick someone on the left to see what they did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last thanked %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never thanked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently thanked (%1): you can let it be this time (D).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more posts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 also shared “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank them together</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostGroupPanel</name>
    <message>
        <source>Click a name to see that person on their own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write group thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare one thank-you under your post that mentions them all (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post it as a reply under your post, then mark them all thanked (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No post selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When several people who are waiting for a thank-you shared the same post of yours, it is listed on the left: thank them all in one reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people shared this post</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>On %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latest %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Mentions %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your thank-you…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Send %n posts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>The check-in opens at this time when the app runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me when someone amplifies my posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications from this time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…until this time (the next morning if earlier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often accounts and feeds are synced while the app runs (5 or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Reciprocity when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer only; it starts a few seconds after you log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who only liked my posts need thanks too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone thanked within this many days is shown as “recently thanked”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For drafts when the language of the person&apos;s post is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>networking, open source, difusión</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links mentioning these words rank higher in Share (comma separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thanks and sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently thanked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the changes not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept with your data: they travel with an export to another computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours must start and end at different times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every %1 minutes or more: networks limit how often apps may ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: fix what is shown in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, but start at login could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <source>Loading what to share…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links that reached you through your feeds and timeline, ranked by your interests, how many people in your network shared them, and freshness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New links, not yet saved, shared or skipped (Alt+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for later (Alt+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you shared (Alt+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you skipped; restore from here (Alt+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by title, author, site or reason  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 link worth sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n links worth sharing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new to share: add feeds or sync an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n saved for later</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n shared</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing shared yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back in Open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked shared: counted as support for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked shared.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Something went wrong (%1); the log has the details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatesBox</name>
    <message>
        <source>Thank-you templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the people being thanked did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One variant per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget your variants for this language and situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One variant per line; drafts rotate through them. You can use {name}, {mention}, {title}, {count}, {network} and, for several people, {mentions}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone shared one of my posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone shared several of my posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone quoted me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone mentioned me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone replied to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new follower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several people shared the same post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone liked my posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates (%1): write at least one variant, or Restore defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates (%1): %2 in “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own variants, used instead of the defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The defaults from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No default templates found (%1): write your own, one per line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThankPage</name>
    <message>
        <source>Loading who to thank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who shared, quoted, mentioned or replied to you, most important first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts of yours that several people shared: thank them all in one reply under the post.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per person (Alt+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;By post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts several people shared: thank them together (Alt+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name or what they did  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>59 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liked or followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by post or name  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;By post (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people to thank</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 person to thank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting for a thank-you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>nobody waiting for a thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 person to thank</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people to thank</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Check in now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check in now (%1 waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 1 &amp;hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until &amp;tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Reciprocity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Reciprocity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a day, Reciprocity tells you who to thank and what to share. It reads who boosted, quoted, mentioned or replied to you, keeps a ledger per person on this computer, and writes a personal thank-you you can send in one click. Nothing is ever posted without your click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect &amp;Mastodon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any server: sign in once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect &amp;Bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With an app password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blogs, newspapers, YouTube: what to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore with &amp;demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A separate store of made-up people; delete it in one click.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Import feeds from OPML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <source>Making the demo store…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>Imported %1 feeds from %2 (%3 new).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
