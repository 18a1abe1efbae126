# The least an OpenBao / HashiCorp Vault token needs for Keyturn's team
# store, for a KV version 2 mount named "secret" and the prefix "keyturn"
# (`keyturn store use vault --mount secret --prefix keyturn`, the defaults):
# change both names below if yours differ.
#
#   bao policy write keyturn packaging/keyturn-vault-policy.hcl
#   bao token create -policy=keyturn
#
# Keyturn reads and writes only these paths. Every write of a resource's
# passwords is a check-and-set on the version it read; "delete" deletes a
# latest version only (the history stays; nothing here may destroy a
# version or its metadata).

# Profiles: one access key secret each.
path "secret/data/keyturn/profiles/*" {
  capabilities = ["create", "read", "update", "delete"]
}

# Resource passwords: current, previous and pending, kept whole per resource.
path "secret/data/keyturn/resources/*" {
  capabilities = ["create", "read", "update", "delete"]
}

# Who wrote each entry, as custom metadata.
path "secret/metadata/keyturn/profiles/*" {
  capabilities = ["create", "update"]
}
path "secret/metadata/keyturn/resources/*" {
  capabilities = ["create", "update"]
}
