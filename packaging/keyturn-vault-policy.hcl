# The least an OpenBao / HashiCorp Vault token needs for Keyturn's team
# store, for a KV version 2 mount named "secret" and the prefix "keyturn"
# (`keyturn store use vault --mount secret --prefix keyturn`, the defaults):
# change both names below if yours differ.
#
#   bao policy write keyturn packaging/keyturn-vault-policy.hcl
#   bao token create -policy=keyturn
#
# Keyturn reads and writes only these paths. Every write of a profile or of
# a resource's passwords is a check-and-set on the version it read. Nothing
# is ever deleted: removing a profile or a resource's passwords writes an
# empty version with check-and-set, so the history stays (nothing here may
# delete or destroy a version or its metadata).

# Profiles: one entry each, holding its access key secret and its other
# fields (provider, key id, region, project ids, endpoint, notes), so that
# every admin sees the same profiles.
path "secret/data/keyturn/profiles/*" {
  capabilities = ["create", "read", "update"]
}

# The list of the team's profiles (names only; each is then read).
path "secret/metadata/keyturn/profiles/" {
  capabilities = ["list"]
}

# Resource passwords: current, previous and pending, kept whole per
# resource, with the claim of the change in progress.
path "secret/data/keyturn/resources/*" {
  capabilities = ["create", "read", "update"]
}

# Who wrote each resource's entry, as custom metadata (a profile's entry
# says it in its data); read, the versions that `keyturn history` lists.
path "secret/metadata/keyturn/resources/*" {
  capabilities = ["create", "read", "update"]
}

# The token's own name, for the claims a change writes.
path "auth/token/lookup-self" {
  capabilities = ["read"]
}
