# The desktop app's forms in English (en-US): one operation's form, its
# widgets (password field, rule checklist, strength bar, countdowns, date
# and time) and the request preview under it. zh-CN/form.ftl has the same
# ids with the same variables (a test checks). Ids start with "form-".

## How long until something (src/ui/mod.rs: format_remaining), rounded up
## to the second. Minutes and seconds after a larger unit come padded
## ("05").

form-remaining-days = { $days } { $days ->
        [one] day
       *[other] days
    } { $hours } h
form-remaining-hours = { $hours } h { $minutes } min
form-remaining-minutes = { $minutes } min { $seconds } s
form-remaining-seconds = { $seconds } s

## A resource in words, by its fields' labels (src/ui/mod.rs)


## Why a change is refused before it is sent (src/ui/mod.rs: block_words)

form-block-unsettled = an earlier change of this resource (attempt { $attempt }, started { $time }) has an unknown result: its pending password may be the one the resource has now. Settle it first (at the top of the window).
form-block-pending-without-attempt = The keyring holds a pending password for this resource that no open change in the journal accounts for; it may be the live one, so it must be settled first
form-block-in-progress = Another Keyturn (a window or a command) is changing this resource right now
form-block-claimed = { $by } is changing this resource (staged { $time }) and may still be waiting for the answer: only they can settle it until { $until }
form-block-locked = Password changes of this resource are locked until { $time } after wrong old passwords
form-block-old-password-still-valid = The previous old password stays valid until { $time }; the provider refuses a new change before then (changing only its expiry is allowed)
form-block-throttled = The provider asked to wait until { $time }

## The form: heading, account, fields

form-heading = { $provider } { $product }: { $api }
form-request = Request
form-account = Account
form-access-key = Access key
form-access-key-hover = A stored profile of this provider, or a key typed in for this call only
form-typed-key = Typed key (this call only)
form-profile = Profile { $name }
form-profile-with-key = Profile { $name } ({ $key })
form-key-id = Access key ID
form-key-id-help = The access key's id (not secret).
form-key-secret = Access key secret
form-key-secret-help = Used for this call only: never stored, never shown.
form-key-looking = Looking for the key in { $store ->
        [team] the team store
       *[keyring] the keyring
    }…
form-key-found = ✔ access key found in { $store ->
        [team] the team store
       *[keyring] the keyring
    }
form-region = Region
form-region-help-host = Picks the endpoint host (and fills the region parameter).
form-region-help-param = Sent as the operation's region parameter.
form-region-help-header = Sent in the request's region header.
form-known-regions = Known regions
form-endpoint-override = Endpoint override
form-endpoint-override-help = For private or VPC endpoints: https:// to any host, http:// only to a loopback address.
form-endpoint-from-profile = profile's: { $url }
form-endpoint-default = default for the region
form-sends-to = Sends to { $url }
form-required = Required
form-advanced = Advanced
form-choose = Choose…
form-choice = { $value }: { $label }
form-fill-from-keyring = Fill from keyring
form-fill-from-keyring-hover = Use the current password Keyturn keeps for this resource
form-fill-from-keyring-differs = ⚠ Fill from keyring
form-fill-from-keyring-differs-hover = The typed old password differs from the current password Keyturn keeps for this resource: use that one

## The new password, its generator and checks

form-copy = Copy
form-copy-hover = Copy the new password; the clipboard is cleared again soon
form-clipboard-new-password = the new password
form-only-expiry-keeps-passwords = Changing only the expiry keeps the passwords: the old and new password fields both hold the password the cluster has now (filled from the keyring when Keyturn set it).
form-remove-instead = Remove the password instead
# $means: what an empty password does, in the catalogue's words
# ("removes the group's password: …").
form-empty-password-means = An empty password { $means }.
form-will-be-removed = The password will be removed: this { $means }.
form-removes-the-password = removes the password
form-generate = Generate
form-generate-hover = Fill in a random password this operation accepts
form-generate-length = length { $length } is outside what this operation accepts ({ $min } to { $max })
form-generator-characters = characters
form-generator-length = Length of a generated password
form-avoid-lookalikes = Avoid look-alike characters
form-avoid-lookalikes-hover = Leave out I l 1 | O 0 o
form-type-or-generate = Type or generate the new password.

## Before sending, sending, a refused send

form-before-sending = Before sending:
form-review-and-send = Review and send…
form-review-and-send-hover = Shows exactly what will change before anything is sent (Enter in any field of the form)
form-expected-refusal = The provider is expected to refuse it now (see below).
form-keyturn-refuses = Keyturn will not send a change of this resource now (see below).
form-sent-waiting = Sent to the provider, waiting for the answer. It can no longer be cancelled.
form-preparing = Preparing to send…
form-task-following = The provider accepted the change as task { $task } and is finishing it.
form-cancel = Cancel
form-cancel-send-hover = Stop before the request leaves this machine
form-known-refusal = Keyturn knows this change would be refused now
form-only-expiry-instead = Change only the expiry instead
form-only-expiry-instead-hover = Keeps the password and moves when the old one stops working
form-only-expiry-set = Set to change only the old password's expiry: pick the new expiry time, then send.
form-only-expiry-filled = Filled in to change only the old password's expiry (Mode 2): pick the new expiry time, then send.
form-not-sent-refused = Not sent: the provider would refuse this change now
form-nothing-sent = Nothing was sent; nothing changed.
form-send-anyway = Send anyway…
form-send-anyway-hover = Send although the provider is expected to refuse
form-changed-old-holds-new = Changed. The old password field now holds the new password; generate or type the next one for another change.
form-changed-next = Changed. Generate or type the next password for another change.
form-changed-old-holds-new-fresh = Changed. The old password field now holds the new password, and a fresh password is ready for the next change.
form-changed-next-fresh = Changed. A fresh password is ready for the next change.
form-secrets-forgotten-idle = The secrets typed here were cleared after { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
} without use.
form-secrets-forgotten-lock = The secrets typed here were cleared when the screen locked.

## What stands before sending, naming fields by their labels

form-input-missing = { $field } is required
form-input-not-a-choice = { $field } must be one of: { $allowed }
form-input-bad-date-time = { $field } must be written { $pattern }
form-input-expiry-in-past = { $field } is in the past ({ $at }): pick a time still to come
form-input-unsafe-path-value = { $field } may contain only letters, digits and - _ . ~
form-input-not-an-id = { $field } must be { $describe }
form-input-path-id = 1 to 64 ASCII letters, digits, '-' and '_'
form-input-consumer-group-user = 1 to 16 ASCII letters, digits and '_'
form-input-database-account = 1 to 128 printable ASCII characters without spaces
form-input-empty = { $field } is empty
form-input-password-rules = the new password breaks a rule (see the checklist)
form-key-id-required = Access key ID is required
form-key-secret-required = Access key secret is required
form-profile-missing = profile { $name } is not in the profile list
form-profile-other-provider = profile { $name } holds a { $key_provider } key; this is a { $api_provider } API
form-endpoint-region-required = Region is required
form-endpoint-bad-region = region { $region } is not a region name (letters, digits and '-')
form-endpoint-unknown-region = { $op } has no endpoint Keyturn knows in region { $region }: if the region exists, give its endpoint under Endpoint override
form-endpoint-not-a-url = Endpoint override: endpoint { $url } is not a valid URL
form-endpoint-scheme = Endpoint override: endpoint must start with https:// (or http:// to a loopback address), not { $scheme }://
form-endpoint-plain-http = Endpoint override: plain http:// is allowed only to a loopback address (127.0.0.1, ::1, localhost), not { $host }; use https://
form-endpoint-extra-parts = Endpoint override: endpoint must be just scheme, host and port, without a path, query or user name

## The confirmation (src/ui/form/confirmation.rs, dialog.rs)

form-account-typed = typed key { $key } (not stored)
form-account-profile = profile { $name } (key { $key })
form-change-remove = Removes the password: { $means }.
form-change-only-expiry = Changes only when the old password expires, to { $expiry }. The password itself stays.
form-change-with-expiry = Sets a new password. The old one keeps working until { $expiry }.
form-change-plain = Sets a new password.
form-action-remove = Remove the password
form-action-expiry = Change the expiry
form-action-change = Change the password
form-confirm-heading = Confirm the change
form-confirm-operation = Operation
form-confirm-operation-value = { $api } ({ $provider } { $product })
form-confirm-account = Account
form-confirm-region = Region
form-confirm-no-region = (none)
form-confirm-endpoint = Endpoint
form-confirm-anyway = Sending anyway: { $why }
form-confirm-expected-refusal = The provider is expected to refuse it: { $why }
form-confirm-weak = ⚠ The new password is { $strength }: Generate makes a strong one.
form-confirm-old-differs = ⚠ The old password typed differs from the current password Keyturn keeps for this resource; a wrong one counts as a failed try.
form-confirm-old-differs-tries = ⚠ The old password typed differs from the current password Keyturn keeps for this resource, and the provider said { $tries ->
        [one] only 1 try is
       *[other] { $tries } tries are
    } left before it locks changes: a wrong one now counts against them.
form-confirm-reused = ⚠ This new password was already set on { $other } in this session. One password on several resources means one leak opens them all.
form-confirm-reuse-accept = Set the same password on this resource too
form-removal-heading = Remove the password?
form-removal-asked-again = You will be asked again before anything is sent.
form-removal-keep = Keep the password
form-removal-yes = Yes, remove the password

## Widgets (src/ui/widgets/)

# Under a dialog's buttons; $action is the action button's words.
form-widget-confirm-focus = “{ $safe }” has the focus: Tab to “{ $action }” and press Enter, or click it. Escape answers “{ $safe }”.
# A countdown: $running says what may happen when it ends ("It may be
# tried again"), $left how long until then ("4 min 59 s").
form-widget-countdown = { $running } in { $left }
form-widget-countdown-at = at { $time }
form-widget-block-running = It may be tried again
form-widget-block-done = The wait is over: it may be tried again now.
form-widget-hide = Hide
form-widget-show = Show
form-widget-hide-hover = Hide the password
form-widget-show-hover = Show the password
form-widget-hide-named = Hide { $field }
form-widget-show-named = Show { $field }
form-widget-dismiss = Dismiss
form-widget-dismiss-hover = Remove this message
form-widget-strength-none = Strength: —
form-widget-strength-not-rated = Strength: not rated, the API would refuse it
form-widget-strength = Strength: { $label }
form-widget-strength-meter = Password strength meter
form-widget-strength-crack-time = Offline attack on a slow hash: { $time }
form-widget-strength-truncated = Estimated on the first { $count } characters.
# A rule of the checklist: its mark (✔, ✘ or !) and the rule, then what
# is still missing.
form-widget-rule = { $mark } { $rule }
form-widget-rule-missing = { $mark } { $rule } — { $missing }
# A refused character: its position, the character itself when the
# password is shown, why, and what the operation allows.
form-widget-char = character { $position }
form-widget-char-named = character { $position } '{ $char }'
form-widget-char-refused = { $mark } { $character } { $reason }: only { $allowed }{ $more }
form-widget-char-warning = { $mark } { $character }: { $reason }{ $more }
form-widget-char-more = { " " }(and { $count } more)
form-widget-allowed-printable = letters, digits and printable ASCII symbols (no spaces)
form-widget-allowed-alnum = letters and digits
form-widget-allowed-alnum-and = letters, digits and { $symbols }
form-widget-allowed-any = any character but control characters
# The date-time field of an old password's expiry.
form-widget-zone = { $name } (UTC{ $offset })
form-widget-zone-hover = The provider reads this time in this zone.
form-widget-pick-date-hover = Pick the date; the time of day is kept
form-widget-now = Now
form-widget-now-hover = Set to Now from now
form-widget-plus-hours = +{ $count } { $count ->
        [one] hour
       *[other] hours
    }
form-widget-plus-hours-hover = Set to +{ $count } { $count ->
        [one] hour
       *[other] hours
    } from now
form-widget-plus-days = +{ $count } { $count ->
        [one] day
       *[other] days
    }
form-widget-plus-days-hover = Set to +{ $count } { $count ->
        [one] day
       *[other] days
    } from now
form-widget-in = in { $left }
form-widget-already-past = already past
form-widget-times-when = { $times } ({ $when })
form-widget-write-as = Write it as { $pattern }

## The request preview (src/ui/preview.rs)

form-preview = Preview the request
form-preview-fill-in = Fill in the form to preview the request it would send.
form-preview-sign = Sign a preview
form-preview-sign-hover = Signs the request as it would be sent now; nothing is sent
form-preview-copy-command = Copy as command line
form-preview-copy-command-hover = The same change as a `keyturn request` command; secrets come from environment variables
form-preview-the-command-line = the command line
form-preview-show-passwords = Show passwords
form-preview-shown-name = The signed request, passwords shown
form-preview-cannot-sign = Could not sign a preview: { $error }
form-preview-as-command = As a command line:
# The command line's comments (after "# ").
form-preview-export-empty = { $label }: set it to the empty string (export { $var }=)
form-preview-export-first = Export these first (a secret never goes on the command line):
form-preview-export-example = e.g.  read -rs { $var } && export { $var }
form-preview-prints = Prints the signed request; add --send to send it.
form-connection-edit-hover = Where this resource's service itself listens, for testing its stored passwords: edited in the Credentials view
