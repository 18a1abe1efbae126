# The desktop app's window in English (en-US): the views and menus, the
# sidebar, results, open changes, history and credentials. zh-CN/app.ftl
# has the same ids with the same variables (a test checks). Ids start with
# "app-"; what the core says (rules, outcomes, errors) is in keyturn.ftl.

## The window: its views and the View menu

app-window-name = Keyturn
app-view-change = Change a password
app-view-credentials = Credentials
app-view-history = History
app-menu-view = View
app-menu-view-hint = Language, theme and zoom (Ctrl + and Ctrl − zoom, Ctrl 0 resets)
app-menu-language = Language
app-menu-language-system = As the system
app-menu-theme = Theme
app-menu-theme-system = As the system
app-menu-theme-light = Light
app-menu-theme-dark = Dark
app-menu-zoom = Zoom
app-menu-zoom-in = Zoom in
app-menu-zoom-out = Zoom out
app-menu-zoom-reset = Actual size
app-demo-title = Keyturn — demo (emulated clouds, fake keys)
app-window-failed = could not open the window: { $error }

## Shared by the panels

# How a change was signed.
app-profile-named = profile { $name }
app-profile-with-key = profile { $name } (key { $key })
app-typed-key = typed key { $key }
# Countdowns: "<running> in 4 min 59 s", then the text after it ends.
app-countdown-locked = Password changes may be tried again
app-countdown-previous-old-password = The previous old password stops working

## Sidebar

app-sidebar-profiles = Profiles
app-sidebar-reload = Reload
app-sidebar-reload-hover = Read the profile list again
app-sidebar-reload-name = Reload the profiles
app-sidebar-reading = Reading profiles…
app-sidebar-failed = The profile list could not be read:
app-sidebar-none = No profiles yet.
app-sidebar-none-hint = Add or import one in Credentials, or type a key into the form.
app-sidebar-profile-hover = { $provider } key { $key }
app-sidebar-profile-hover-region = { $provider } key { $key }, region { $region }
app-sidebar-operations = Operations

## Results

app-results-heading = Result
app-results-nothing-yet = Nothing sent yet in this session.
app-results-earlier = Earlier in this session
app-results-state-waiting = waiting
app-results-state-cancelled = cancelled
app-results-state-not-sent = not sent
app-results-state-blocked = not sent (would be refused)
# "DCS UpdatePassword", then the provider and product: "UpdatePassword (Huawei Cloud DCS)".
app-results-operation = { $api } ({ $provider } { $product })
app-results-waiting-answer = Sent; waiting for the provider's answer…
app-results-preparing = Preparing to send…
app-results-cancelled = Cancelled before sending
app-results-nothing-changed = Nothing was sent; nothing changed.
app-results-task-running = The provider is finishing the change as task { $task }; the password changes when it is done.
app-results-not-sent = Not sent
app-results-blocked = Not sent: the provider would refuse it now
app-results-passwords = Passwords: { $keyring }
app-results-tries-left = { $count ->
    [one] { $count } try left before password changes are locked
   *[other] { $count } tries left before password changes are locked
}
app-results-check-current = Check the current password before trying again.
app-results-lock-ended = The lock has ended: password changes may be tried again now.
app-results-lock-no-end = The provider did not say for how long.
app-results-previous-expired = The previous old password has expired: a new change can be sent now.
app-results-no-until = The provider did not say until when.
app-results-only-expiry = Change only the expiry (Mode 2)
app-results-only-expiry-hover = Fill in the form to move the old password's expiry instead
app-results-try-again = Try again
app-results-may-try-again = You may try again now.
app-results-wait = Wait a little before trying again.
app-results-unknown = The new password is kept as pending in { $store ->
        [team] the team store
       *[keyring] the keyring
    }: check by connecting with it, then settle the change at the top of the window.
app-results-not-changed = The password was not changed.
app-results-code = Code: { $value }
app-results-message = Message: { $value }
app-results-request-id = Request ID: { $value }
app-results-task-id = Task ID: { $value }
app-results-http-status = HTTP status: { $value }
app-results-answered-at = Answered at: { $value }
app-results-account = Account: { $value }
app-results-region = Region: { $value }
app-results-endpoint = Endpoint: { $value }

## Changes with an unknown result (the banner at the top)

app-recovery-journal-failed = The rotation journal could not be read: { $error }
app-recovery-ok = OK
app-recovery-heading = { $count ->
    [one] A password change has an unknown result
   *[other] { $count } password changes have an unknown result
}
app-recovery-more = { $count ->
    [one] { $count } more change with an unknown result
   *[other] { $count } more changes with an unknown result
}
app-recovery-cannot-check = None of the APIs can read a password back: Find out logs in with the pending password where Connection… under Credentials says the service listens; or connect yourself with it (reveal or copy it under Credentials), then choose.
app-recovery-open-credentials = Open Credentials
app-recovery-keep = Keep as current…
app-recovery-keep-hover = You connected with the pending password: it becomes current
app-recovery-discard = Discard…
app-recovery-discard-hover = The old password still works: the pending one is deleted
app-recovery-retry = Retry with the same new password…
app-recovery-retry-hover = Send the same change again; asks first
# $kept: what became of the new password ("the new one is kept as pending").
app-recovery-sentence = The password of { $what } may have changed at { $time }; { $kept }.
app-recovery-last-answer = last answer: { $status }
app-recovery-last-answer-code = last answer: { $status } ({ $code })
app-recovery-sent-no-answer = sent, but no answer was recorded (interrupted)
app-recovery-not-sent = interrupted before it was sent
app-recovery-under-way = Being changed right now in another Keyturn window or command, which settles it: this updates when it ends.
app-recovery-may-have-been-sent = not recorded here: the request may have been sent
app-recovery-claimed-leased = A change by { $by }, who may still be waiting for its answer: only they can settle it until { $until }.
app-recovery-claimed-lease-ended = A change by { $by }; its lease ended at { $until }: the request may have been sent. Check by connecting, then keep or discard it.
app-recovery-theirs = { $by }'s to settle until { $until }
app-recovery-no-record = no record here
# $via: app-profile-named or app-typed-key.
app-recovery-attempt = Made with { $via }; { $answer }.
app-attempt-id-hover = Attempt { $id } in the journal
app-recovery-endpoint-unknown = the provider's endpoint for the region
app-recovery-retry-change = Sends the same change again, with the same new password (the pending one).
app-recovery-resource = Resource: { $what }
app-recovery-keep-title = Keep the pending password as current?
app-recovery-keep-text = Do this only if you connected with the pending password: it becomes the current password and the current one is kept as previous.
app-recovery-discard-title = Discard the pending password?
app-recovery-discard-text = Do this only if the current (old) password still works: the pending password is deleted from the keyring and cannot be brought back.
app-recovery-retry-title = Send the same change again?
app-recovery-retry-text = The same request is sent once more, with the same new password (the pending one) and the current password as the old one.
app-recovery-retry-profile = Access key: profile { $name }
app-recovery-retry-profile-gone = Profile { $name } is no longer stored: type the access key to use.
app-recovery-retry-typed = This change was made with a typed key: type it again.
app-recovery-retry-key-id = Access key ID for the retry
app-recovery-retry-key-secret = Access key secret for the retry
app-recovery-keep-confirm = Keep as current
app-recovery-discard-confirm = Discard the pending password
app-recovery-retry-confirm = Send again
app-recovery-cancel = Cancel
app-recovery-typed-key-not-stored = typed key { $key } (not stored)

## History

app-history-heading = History
app-history-reload = Reload
app-history-reload-hover = Read the journal again
app-history-reload-name = Reload the history
app-history-intro = Every password change Keyturn attempted, from the rotation journal (it holds no secret).
app-history-filter = Resource contains
app-history-reading = Reading the journal…
app-history-failed = The journal could not be read: { $error }
app-history-skipped = Skipped a line that could not be read: { $line }
app-history-none = No password changes yet.
app-history-result = Result: { $result }
app-history-expiry-changed = the old password's expiry changed
app-history-changed = changed (the new password is current)
app-history-refused = refused by the provider (pending discarded)
app-history-not-sent = not sent
app-history-kept = kept as current by you
app-history-discarded = pending discarded by you
app-history-retried = changed by a later retry (the new password is current)
app-history-retry-failed = retry did not go through (the earlier change stays open)
app-history-nothing-staged = no answer (no password was at stake)
app-history-settled-elsewhere = another's change, settled by its owner
# A settlement this version does not know, as the journal records it.
app-history-closed = closed: { $how }
app-history-open = open: { $status } — the password may have changed
app-history-open-after-sending = open: interrupted after sending
app-history-open-before-sending = open: interrupted before sending
app-history-code = code { $code }
app-history-request = request { $id }
app-history-lock-ended = The lock has ended.
app-history-throttled = The provider accepts calls again
app-history-wait-over = The wait is over.
app-history-previous-expired = The previous old password has expired.
app-history-old-password-valid = The old password keeps working; it stops
app-history-old-password-expired = The old password has expired.

## Credentials

app-credentials-heading = Credentials
app-credentials-reading = Reading the stored credentials…
app-credentials-failed = The profile list could not be read: { $error }
app-credentials-profiles = Profiles
app-credentials-passwords = Stored resource passwords
app-credentials-add = Add a profile
app-file-dialog-title = Import an access key CSV file
app-file-dialog-csv = CSV files
app-file-dialog-all = All files
app-credentials-import = Import a console's access key file (CSV)
app-credentials-choose = Choose…
# What a reveal or a copy acts on.
app-credentials-target-profile = the secret of profile { $name }
app-credentials-target-current = the current password of { $what }
app-credentials-target-previous = the previous password of { $what }
app-credentials-target-pending = the pending password of { $what }
app-credentials-delete-file = The file { $file } still holds the key in plain text: delete it.
app-credentials-delete-file-button = Delete the file…
app-credentials-delete-file-title = Delete { $file }?
app-credentials-delete-file-text = The key is in the keyring now. The file is deleted from the disk and cannot be brought back (a copy elsewhere, a backup or the trash is not touched).
app-credentials-delete-file-confirm = Delete the file
app-credentials-delete-file-keep = Keep it
app-credentials-file-deleted = Deleted { $file }.
app-credentials-no-file-chooser = { $error }: type the file's path in the File box instead.
# The add and import forms.
app-credentials-provider = Provider
app-credentials-profile-name = Profile name
app-credentials-default-region = Default region
app-credentials-import-profile-name = Name for the imported key
app-credentials-import-provider = Cloud of the imported key
app-credentials-import-region = Its default region
app-credentials-optional = optional
app-credentials-name-hint = letters, digits, . _ -
app-credentials-key-id = Access key ID
app-credentials-key-secret = Access key secret
app-credentials-project-id = Project ID
app-credentials-project-id-hint = for the default region
app-credentials-endpoint = Endpoint override
app-credentials-endpoint-hint = optional: https://…
app-credentials-notes = Notes
app-credentials-name-required = Profile name is required
app-credentials-key-id-required = Access key ID is required
app-credentials-key-secret-required = Access key secret is required
app-credentials-project-needs-region = a project ID needs the region it belongs to
app-credentials-add-button = Add profile
app-credentials-add-hover = Stores the secret in the keyring, the rest in the profile list
app-credentials-import-files = Alibaba Cloud AccessKey.csv, Huawei Cloud credentials.csv, Tencent Cloud SecretKey.csv, or a PublicKey,PrivateKey file for UCloud.
app-credentials-file = File
app-credentials-import-name-hint = default: provider and user
app-credentials-as-the-file-says = As the file says
app-credentials-import-button = Import
# The removal dialog.
app-credentials-remove-title = Remove profile { $name }?
app-credentials-remove-text = Its access key secret is deleted from the keyring. The key itself stays valid at the provider; stored resource passwords are kept.
app-credentials-remove-confirm = Remove the profile
app-credentials-remove-keep = Keep it
# The stored resource passwords.
app-credentials-passwords-none = None yet: a password change keeps its passwords here.
app-credentials-passwords-table = Stored passwords
app-credentials-column-resource = Resource
app-credentials-column-profile = Profile
app-credentials-column-password-age-oldest = Age, oldest first
app-credentials-column-password-age-newest = Age, newest first
app-credentials-sort-hover = Turn the order round
app-credentials-column-current = Current set
app-credentials-column-previous = Previous set
app-credentials-column-pending = Pending since
app-credentials-column-old-valid = Old password works until
app-credentials-column-proven = Current password proven
app-credentials-old-valid-hover = The provider keeps the previous password working until then.
app-credentials-select-password-hint = Click a resource for its passwords, to reveal or copy them.
app-credentials-last-rotated = last rotated { $time }
app-credentials-never-rotated = never rotated by Keyturn
app-credentials-slot-current = current
app-credentials-slot-previous = previous
app-credentials-slot-pending = pending
app-credentials-slot-set = { $slot }: set { $time }
# Reveal, Hide and Copy; the second of each is the button's accessible name.
app-credentials-hide = Hide
app-credentials-hide-name = Hide { $what }
app-credentials-reveal = Reveal
app-credentials-reveal-name = Reveal { $what }
app-credentials-reveal-hover = Show it here until you hide it
app-credentials-copy = Copy
app-credentials-copy-name = Copy { $what }
app-credentials-copy-hover = Copy it; it is kept out of clipboard history and cleared after a while
app-credentials-revealed = Revealed:
app-credentials-revealed-name = Shown: { $what }
# The profiles table.
app-credentials-profiles-none = No profiles yet: add one below or import a console's CSV file.
app-credentials-profiles-table = Profiles
app-credentials-row-name = Profile row { $name }
app-credentials-column-name = Name
app-credentials-column-cloud = Cloud
app-credentials-column-key-id = Key ID
app-credentials-column-region = Region
app-credentials-column-added = Added
app-credentials-column-used = Used
app-credentials-column-verified = Verified
app-credentials-column-rotated = Rotated
app-credentials-column-age = Age
app-credentials-never = never
app-credentials-age-days = { $days } d
app-credentials-age-hover = Days since the key was added: rotate old keys
app-credentials-select-hint = Click a profile for its details and actions.
app-credentials-details = { $name } · { $provider } · key { $key }
app-credentials-fact-project = project { $id } in { $region }
app-credentials-fact-endpoint = endpoint { $endpoint }
app-credentials-fact-added = added { $time }
app-credentials-fact-verified = last verified { $time }: { $result }
app-credentials-verify = Verify
app-credentials-verify-name = Verify profile { $name }
app-credentials-verify-hover = A read-only call that proves the key works
app-credentials-remove = Remove…
app-credentials-remove-name = Remove profile { $name }
app-credentials-verifying = Verifying…
app-credentials-project-ids-saved = { $result }; { $count ->
        [one] one region's project id was saved on the profile
       *[other] { $count } regions' project ids were saved on the profile
    }

## Clipboard

app-clipboard-unavailable = the clipboard is unavailable
app-clipboard-unavailable-because = the clipboard is unavailable: { $error }
app-clipboard-copy-failed = could not copy: { $error }
app-clipboard-clear-failed = could not clear the clipboard: { $error }
app-clipboard-copied = Copied { $what }.
app-clipboard-selection = the selected part of a password
app-clipboard-cleared = Cleared { $what } from the clipboard.
app-clipboard-left-alone = The clipboard holds something else now, so it was left alone.
app-clipboard-copied-until = Copied { $what } to the clipboard; it is cleared in { $left }
app-clipboard-clear-now = Clear now
app-clipboard-clear-after = Clear a copied secret from the clipboard after
# After the number of seconds.
app-clipboard-seconds = {" "}s
app-idle-forget-after = Clear typed secrets and hide revealed ones after no use for
app-idle-minutes = {" "}min

## What to do about a failed job (after the error itself)

app-remedy-no-config-folder = . Set KEYTURN_CONFIG_DIR and KEYTURN_DATA_DIR, then start Keyturn again
app-remedy-import-provider = {" "}(pick the Provider above and import again)
app-remedy-no-profile = ; Credentials lists the stored profiles
app-remedy-profile-exists = ; choose another name
app-remedy-profile-changed = ; Credentials shows it as it is now: look at it again before you change it
app-remedy-secret-missing = . Remove the profile in Credentials and add its key again
app-remedy-duplicate = . Removing the profile in Credentials removes them all

## Demo

app-demo-badge = Demo
app-demo-every-call = Every call goes to the built-in emulator at { $url } with fake keys: nothing leaves this computer, and nothing is kept after the window closes.
app-demo-hide-tips = Hide tips
app-demo-show-tips = Show tips
app-demo-how = Pick a demo profile on the left, give any resource id and passwords, and send. The emulator answers as each provider documents:
app-demo-tip-huawei = Huawei DCS: the first old password sent to an instance becomes its password; five wrong ones then lock its password changes for 5 minutes, with a live countdown.
app-demo-tip-tcaplusdb = TcaplusDB: after a change the previous password stays valid until its expiry, with a countdown and a one-click "Change only the expiry (Mode 2)".
app-demo-tip-faults = Faults: type a resource id (Instance ID, Cluster ID, Group ID, DTS task or subscription instance ID) starting with fault-reset, fault-slow, fault-malformed, fault-empty, fault-huge, fault-html, fault-5xx or fault-503. Each loses or spoils the answer, so the result is unknown and the new password stays pending until you settle it at the top of the window.
app-demo-tip-cancel = Each send waits 2 seconds before it leaves, so Cancel can be tried.
app-demo-window-failed = could not open the window: { $error }
app-results-settle-remedy = . Check it, then settle the change at the top of the window.
app-results-settled-kept = settled since: the pending password was kept as the current one.
app-results-settled-discarded = settled since: the pending password was discarded; the current one stands.
app-results-settled-retried = settled since: a retry with the same new password set it.
app-results-settled-other = settled since ({ $how }).

## Credentials: where profiles and passwords are kept

app-store-heading = Where profiles and passwords are kept
app-store-keyring = The OS keyring of this computer
app-store-team = A team store (OpenBao or HashiCorp Vault, KV version 2)
app-store-addr = Server
app-store-mount = Mount
app-store-prefix = Prefix
app-store-namespace = Namespace
app-store-ca-cert = CA certificate
app-store-ca-cert-hint = optional: a PEM file of the server's CA
app-store-token = Token
app-store-token-hover = Kept in this computer's keyring, never in a file; leave it empty to use VAULT_TOKEN or ~/.vault-token
app-store-save = Save
app-store-save-hover = Takes effect when Keyturn starts again; nothing is copied (keyturn store migrate copies)
app-store-saved = From the next start, profiles and passwords are kept in { $store }. Nothing was copied.

## Proving a stored password (Credentials view)
app-credentials-test = Test
app-credentials-test-name = Test { $what }
app-credentials-test-hover = One login to the service itself with this password (Redis AUTH + PING, or a database login + SELECT 1); nothing is retried and no slot changes
app-connection-edit = Connection…
app-connection-edit-name = Where the service of { $what } listens
app-connection-address = Address (host:port)
app-connection-user = Account (optional)
app-connection-ca = CA certificate file (optional)
app-connection-database = Database
app-connection-tls = TLS (never falls back to plain)
app-connection-save = Save connection
app-connection-forget = Forget connection
app-connection-cancel = Close
app-results-test-new = Test the new password
app-results-test-new-name = Test the new password of { $what }
app-recovery-find-out = Find out
app-recovery-find-out-hover = Log in with the pending password (and, if the service refuses it, with the current one), then propose keeping or discarding
app-recovery-found-keep = The pending password works: the change happened. Keep it as current?
app-recovery-found-discard = The service refused the pending password and let the current one in: the change did not happen. Discard the pending password?
app-recovery-found-neither = Neither the pending nor the current password was proven to work: nothing was changed.
app-results-test-every-change = Test each new password after a change
app-recovery-tested-pending = The pending password: { $found }
app-recovery-tested-current = The current password: { $found }
