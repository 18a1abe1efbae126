//! Where a request goes: the operation's default host for a region, or a
//! user's override for private and VPC endpoints.
//!
//! An override may be `https://` to any host, and plain `http://` only to a
//! loopback address (the local emulator); anything else is refused, so a
//! password never crosses a network unencrypted.

use std::net::IpAddr;

use url::{Host, Url};

use crate::catalog::Operation;
use crate::http::Scheme;
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub scheme: Scheme,
    /// `host` or `host:port`, as it goes in the `Host` header.
    pub host: String,
}

/// Why an endpoint or region cannot be used; worded in the interface's
/// language (`endpoint-*` in `keyturn.ftl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointError {
    NotAUrl(String),
    /// A scheme other than https (or http to loopback).
    Scheme(String),
    /// Plain http to this host, which is not a loopback address.
    PlainHttpNotLoopback(String),
    HasExtraParts,
    /// This operation needs a region.
    RegionRequired(&'static str),
    BadRegion(String),
    /// A region the operation's own table of hosts does not list, for an
    /// operation whose SDK knows no other (Huawei's): its host is not
    /// guessed; the endpoint must be given.
    UnknownRegion {
        op: &'static str,
        region: String,
    },
}

impl std::fmt::Display for EndpointError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            EndpointError::NotAUrl(text) => tr!("endpoint-not-a-url", text = format!("{text:?}")),
            EndpointError::Scheme(scheme) => tr!("endpoint-scheme", scheme = scheme.as_str()),
            EndpointError::PlainHttpNotLoopback(host) => {
                tr!("endpoint-plain-http", host = host.as_str())
            }
            EndpointError::HasExtraParts => tr!("endpoint-extra-parts"),
            EndpointError::RegionRequired(op) => tr!("endpoint-region-required", op = *op),
            EndpointError::BadRegion(region) => {
                tr!("endpoint-bad-region", region = format!("{region:?}"))
            }
            EndpointError::UnknownRegion { op, region } => tr!(
                "endpoint-unknown-region",
                op = *op,
                region = format!("{region:?}")
            ),
        })
    }
}

impl std::error::Error for EndpointError {}

impl Endpoint {
    /// `scheme://host[:port]`.
    pub fn url(&self) -> String {
        format!("{}://{}", self.scheme.as_str(), self.host)
    }

    /// Parses an endpoint override.
    pub fn parse_override(text: &str) -> Result<Self, EndpointError> {
        let url = Url::parse(text).map_err(|_| EndpointError::NotAUrl(text.to_owned()))?;
        if !url.username().is_empty()
            || url.password().is_some()
            || url.query().is_some()
            || url.fragment().is_some()
            || !matches!(url.path(), "" | "/")
        {
            return Err(EndpointError::HasExtraParts);
        }
        let host = url
            .host()
            .ok_or_else(|| EndpointError::NotAUrl(text.to_owned()))?;
        let scheme = match url.scheme() {
            "https" => Scheme::Https,
            "http" if is_loopback(&host) => Scheme::Http,
            "http" => return Err(EndpointError::PlainHttpNotLoopback(host.to_string())),
            other => return Err(EndpointError::Scheme(other.to_owned())),
        };
        let host_header = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        };
        Ok(Endpoint {
            scheme,
            host: host_header,
        })
    }

    /// The operation's own endpoint for `region`.
    pub fn default_for(op: &Operation, region: Option<&str>) -> Result<Self, EndpointError> {
        if let Some(r) = region {
            check_region(r)?;
        }
        let listed = region.and_then(|r| {
            op.region
                .region_hosts
                .iter()
                .find(|(name, _)| *name == r)
                .map(|(_, host)| (*host).to_owned())
        });
        let host = match (
            listed,
            region,
            op.region.regional_host,
            op.region.global_host,
        ) {
            (Some(host), ..) => host,
            (None, Some(r), Some(pattern), _) => pattern.replace("{region}", r),
            // Only the table's regions: the SDK refuses any other.
            (None, Some(r), None, _) if !op.region.region_hosts.is_empty() => {
                return Err(EndpointError::UnknownRegion {
                    op: op.api,
                    region: r.to_owned(),
                });
            }
            (None, _, _, Some(global)) => global.to_owned(),
            _ => return Err(EndpointError::RegionRequired(op.api)),
        };
        Ok(Endpoint {
            scheme: Scheme::Https,
            host,
        })
    }
}

/// A region goes into a host name, so it must look like one.
pub fn check_region(region: &str) -> Result<(), EndpointError> {
    let ok = !region.is_empty()
        && region.len() <= 64
        && region
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !region.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(EndpointError::BadRegion(region.to_owned()))
    }
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;

    /// Every Huawei operation's SDK refuses a region its table does not
    /// list: so does Keyturn, rather than guessing a host name.
    #[test]
    fn every_huawei_operation_refuses_a_region_its_sdk_does_not_list() {
        let huawei = crate::catalog::CATALOG
            .iter()
            .filter(|op| op.provider == crate::catalog::Provider::Huawei);
        let mut seen = 0;
        for op in huawei {
            seen += 1;
            assert!(
                matches!(
                    Endpoint::default_for(op, Some("ap-southeast-9")),
                    Err(EndpointError::UnknownRegion { .. })
                ),
                "{}",
                op.id
            );
            assert!(
                Endpoint::default_for(op, Some("cn-north-4")).is_ok(),
                "{}",
                op.id
            );
        }
        assert!(seen >= 3);
    }

    #[test]
    fn https_anywhere_http_only_to_loopback() {
        let e = Endpoint::parse_override("https://vpc.example.internal:8443").unwrap();
        assert_eq!(
            (e.scheme, e.host.as_str()),
            (Scheme::Https, "vpc.example.internal:8443")
        );
        for ok in [
            "http://127.0.0.1:9000",
            "http://localhost:1",
            "http://[::1]:80/",
            "http://127.5.0.1",
        ] {
            assert_eq!(
                Endpoint::parse_override(ok).unwrap().scheme,
                Scheme::Http,
                "{ok}"
            );
        }
        for bad in [
            "http://10.0.0.1",
            "http://example.com",
            "http://127.0.0.1.example.com",
        ] {
            assert!(
                matches!(
                    Endpoint::parse_override(bad),
                    Err(EndpointError::PlainHttpNotLoopback(_))
                ),
                "{bad}"
            );
        }
        assert!(matches!(
            Endpoint::parse_override("ftp://x"),
            Err(EndpointError::Scheme(_))
        ));
        assert!(matches!(
            Endpoint::parse_override("https://user@host"),
            Err(EndpointError::HasExtraParts)
        ));
        assert!(matches!(
            Endpoint::parse_override("https://host/path"),
            Err(EndpointError::HasExtraParts)
        ));
        assert!(matches!(
            Endpoint::parse_override("nonsense"),
            Err(EndpointError::NotAUrl(_))
        ));
    }

    #[test]
    fn default_hosts_follow_the_region() {
        let dts = find("aliyun.dts.modify-dts-job-password").unwrap();
        assert_eq!(
            Endpoint::default_for(dts, None).unwrap().host,
            "dts.aliyuncs.com"
        );
        // The SDK's table sends cn-hangzhou to the central host; a region it
        // does not list goes to the regional pattern.
        assert_eq!(
            Endpoint::default_for(dts, Some("cn-hangzhou"))
                .unwrap()
                .host,
            "dts.aliyuncs.com"
        );
        assert_eq!(
            Endpoint::default_for(dts, Some("ap-northeast-1"))
                .unwrap()
                .host,
            "dts.ap-northeast-1.aliyuncs.com"
        );
        let dcs = find("huaweicloud.dcs.update-password").unwrap();
        assert_eq!(
            Endpoint::default_for(dcs, Some("cn-north-4")).unwrap().host,
            "dcs.cn-north-4.myhuaweicloud.com"
        );
        // A region the SDK's table does not list is refused, not guessed.
        assert_eq!(
            Endpoint::default_for(dcs, Some("ap-southeast-9")),
            Err(EndpointError::UnknownRegion {
                op: "UpdatePassword",
                region: "ap-southeast-9".into()
            })
        );
        assert!(matches!(
            Endpoint::default_for(dcs, None),
            Err(EndpointError::RegionRequired(_))
        ));
        assert!(matches!(
            Endpoint::default_for(dcs, Some("evil.com/x")),
            Err(EndpointError::BadRegion(_))
        ));
    }
}
