"""Contains all the data models used in inputs/outputs"""

from .api_key_not_found_problem import ApiKeyNotFoundProblem
from .api_key_not_found_problem_code import ApiKeyNotFoundProblemCode
from .api_key_not_found_problem_status import ApiKeyNotFoundProblemStatus
from .api_key_summary import ApiKeySummary
from .api_key_summary_scopes_item import ApiKeySummaryScopesItem
from .bad_request_problem import BadRequestProblem
from .bad_request_problem_code import BadRequestProblemCode
from .bad_request_problem_status import BadRequestProblemStatus
from .console_api_key_form import ConsoleApiKeyForm
from .console_api_key_form_mode import ConsoleApiKeyFormMode
from .console_api_key_form_scopes_item import ConsoleApiKeyFormScopesItem
from .console_csrf_form import ConsoleCsrfForm
from .console_inspector_form import ConsoleInspectorForm
from .console_invite_form import ConsoleInviteForm
from .console_invite_form_language import ConsoleInviteFormLanguage
from .console_invite_form_role import ConsoleInviteFormRole
from .console_role_form import ConsoleRoleForm
from .console_role_form_role import ConsoleRoleFormRole
from .console_send_form import ConsoleSendForm
from .console_send_form_delivery import ConsoleSendFormDelivery
from .console_send_form_expiry import ConsoleSendFormExpiry
from .console_send_form_locale import ConsoleSendFormLocale
from .console_sign_in_form import ConsoleSignInForm
from .contact import Contact
from .ec_public_jwk import EcPublicJwk
from .email_request import EmailRequest
from .exor_live_go_payload import ExorLiveGoPayload
from .exor_live_main_payload import ExorLiveMainPayload
from .export_console_audit_action import ExportConsoleAuditAction
from .export_console_audit_outcome import ExportConsoleAuditOutcome
from .generate_conflict_problem import GenerateConflictProblem
from .generate_conflict_problem_code import GenerateConflictProblemCode
from .generate_conflict_problem_status import GenerateConflictProblemStatus
from .generate_forbidden_problem import GenerateForbiddenProblem
from .generate_forbidden_problem_code import GenerateForbiddenProblemCode
from .generate_forbidden_problem_status import GenerateForbiddenProblemStatus
from .generate_jwt_request import GenerateJWTRequest
from .generate_jwt_request_locale import GenerateJWTRequestLocale
from .generate_jwt_response import GenerateJWTResponse
from .generate_jwt_response_alg import GenerateJWTResponseAlg
from .generate_jwt_response_delivery import GenerateJWTResponseDelivery
from .generate_not_found_problem import GenerateNotFoundProblem
from .generate_not_found_problem_code import GenerateNotFoundProblemCode
from .generate_not_found_problem_status import GenerateNotFoundProblemStatus
from .generate_unavailable_problem import GenerateUnavailableProblem
from .generate_unavailable_problem_code import GenerateUnavailableProblemCode
from .generate_unavailable_problem_status import GenerateUnavailableProblemStatus
from .generic_payload import GenericPayload
from .get_open_api_json_response_200 import GetOpenApiJsonResponse200
from .get_open_api_json_response_200_info import GetOpenApiJsonResponse200Info
from .get_open_api_json_response_200_paths import GetOpenApiJsonResponse200Paths
from .get_open_api_response_200 import GetOpenApiResponse200
from .get_open_api_response_200_info import GetOpenApiResponse200Info
from .get_open_api_response_200_paths import GetOpenApiResponse200Paths
from .get_test_inbox_response_200 import GetTestInboxResponse200
from .get_test_inbox_response_200_messages_item import GetTestInboxResponse200MessagesItem
from .healthz_response_200 import HealthzResponse200
from .inspect_token_request import InspectTokenRequest
from .inspect_token_request_jwks import InspectTokenRequestJwks
from .inspect_token_request_jwks_keys_item import InspectTokenRequestJwksKeysItem
from .insufficient_scope_problem import InsufficientScopeProblem
from .insufficient_scope_problem_code import InsufficientScopeProblemCode
from .insufficient_scope_problem_status import InsufficientScopeProblemStatus
from .internal_error_problem import InternalErrorProblem
from .internal_error_problem_code import InternalErrorProblemCode
from .internal_error_problem_status import InternalErrorProblemStatus
from .jwks import Jwks
from .key_unavailable_problem import KeyUnavailableProblem
from .key_unavailable_problem_code import KeyUnavailableProblemCode
from .key_unavailable_problem_status import KeyUnavailableProblemStatus
from .keyset_not_found_problem import KeysetNotFoundProblem
from .keyset_not_found_problem_code import KeysetNotFoundProblemCode
from .keyset_not_found_problem_status import KeysetNotFoundProblemStatus
from .link_detail import LinkDetail
from .link_detail_events_item import LinkDetailEventsItem
from .link_detail_events_item_type import LinkDetailEventsItemType
from .link_detail_locale_type_0 import LinkDetailLocaleType0
from .link_detail_state import LinkDetailState
from .link_not_found_problem import LinkNotFoundProblem
from .link_not_found_problem_code import LinkNotFoundProblemCode
from .link_not_found_problem_status import LinkNotFoundProblemStatus
from .link_summary import LinkSummary
from .link_summary_state import LinkSummaryState
from .list_api_keys_response_200 import ListApiKeysResponse200
from .list_links_response_200 import ListLinksResponse200
from .list_links_state import ListLinksState
from .list_webhook_deliveries_response_200 import ListWebhookDeliveriesResponse200
from .list_webhook_events_response_200 import ListWebhookEventsResponse200
from .list_webhooks_response_200 import ListWebhooksResponse200
from .method_not_allowed_problem import MethodNotAllowedProblem
from .method_not_allowed_problem_code import MethodNotAllowedProblemCode
from .method_not_allowed_problem_status import MethodNotAllowedProblemStatus
from .new_webhook_endpoint import NewWebhookEndpoint
from .not_found_problem import NotFoundProblem
from .not_found_problem_code import NotFoundProblemCode
from .not_found_problem_status import NotFoundProblemStatus
from .payload_too_large_problem import PayloadTooLargeProblem
from .payload_too_large_problem_code import PayloadTooLargeProblemCode
from .payload_too_large_problem_status import PayloadTooLargeProblemStatus
from .problem import Problem
from .problem_errors import ProblemErrors
from .profile_not_found_problem import ProfileNotFoundProblem
from .profile_not_found_problem_code import ProfileNotFoundProblemCode
from .profile_not_found_problem_status import ProfileNotFoundProblemStatus
from .rate_limited_problem import RateLimitedProblem
from .rate_limited_problem_code import RateLimitedProblemCode
from .rate_limited_problem_status import RateLimitedProblemStatus
from .readiness import Readiness
from .readiness_database import ReadinessDatabase
from .readiness_keysets import ReadinessKeysets
from .readiness_keysets_additional_property import ReadinessKeysetsAdditionalProperty
from .readiness_status import ReadinessStatus
from .relying_party_error_problem import RelyingPartyErrorProblem
from .relying_party_error_problem_code import RelyingPartyErrorProblemCode
from .relying_party_error_problem_status import RelyingPartyErrorProblemStatus
from .renew_launch_link_body import RenewLaunchLinkBody
from .rsa_public_jwk import RsaPublicJwk
from .rsa_public_jwk_alg import RsaPublicJwkAlg
from .service_index import ServiceIndex
from .show_console_audit_action import ShowConsoleAuditAction
from .show_console_audit_outcome import ShowConsoleAuditOutcome
from .show_console_links_state import ShowConsoleLinksState
from .show_console_overview_chart_chart import ShowConsoleOverviewChartChart
from .show_console_users_done import ShowConsoleUsersDone
from .test_key_required_problem import TestKeyRequiredProblem
from .test_key_required_problem_code import TestKeyRequiredProblemCode
from .test_key_required_problem_status import TestKeyRequiredProblemStatus
from .token_inspection import TokenInspection
from .token_inspection_claims_type_0 import TokenInspectionClaimsType0
from .token_inspection_expected_type_0 import TokenInspectionExpectedType0
from .token_inspection_header_type_0 import TokenInspectionHeaderType0
from .token_inspection_keys import TokenInspectionKeys
from .token_inspection_keys_source import TokenInspectionKeysSource
from .token_inspection_rules_item import TokenInspectionRulesItem
from .token_inspection_rules_item_result import TokenInspectionRulesItemResult
from .token_inspection_rules_item_rule import TokenInspectionRulesItemRule
from .unauthorized_problem import UnauthorizedProblem
from .unauthorized_problem_code import UnauthorizedProblemCode
from .unauthorized_problem_status import UnauthorizedProblemStatus
from .unknown_query_parameter_problem import UnknownQueryParameterProblem
from .unknown_query_parameter_problem_code import UnknownQueryParameterProblemCode
from .unknown_query_parameter_problem_status import UnknownQueryParameterProblemStatus
from .unsupported_media_type_problem import UnsupportedMediaTypeProblem
from .unsupported_media_type_problem_code import UnsupportedMediaTypeProblemCode
from .unsupported_media_type_problem_status import UnsupportedMediaTypeProblemStatus
from .use_launch_link_body import UseLaunchLinkBody
from .validation_problem import ValidationProblem
from .validation_problem_code import ValidationProblemCode
from .validation_problem_status import ValidationProblemStatus
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_state import WebhookDeliveryState
from .webhook_disabled_problem import WebhookDisabledProblem
from .webhook_disabled_problem_code import WebhookDisabledProblemCode
from .webhook_disabled_problem_status import WebhookDisabledProblemStatus
from .webhook_endpoint_fields import WebhookEndpointFields
from .webhook_endpoint_fields_state import WebhookEndpointFieldsState
from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .webhook_event_data import WebhookEventData
from .webhook_event_data_reason import WebhookEventDataReason
from .webhook_event_data_state import WebhookEventDataState
from .webhook_event_record import WebhookEventRecord
from .webhook_event_type import WebhookEventType
from .webhook_not_found_problem import WebhookNotFoundProblem
from .webhook_not_found_problem_code import WebhookNotFoundProblemCode
from .webhook_not_found_problem_status import WebhookNotFoundProblemStatus
from .webhook_payload import WebhookPayload
from .webhook_validation_failed_problem import WebhookValidationFailedProblem
from .webhook_validation_failed_problem_code import WebhookValidationFailedProblemCode
from .webhook_validation_failed_problem_status import WebhookValidationFailedProblemStatus

__all__ = (
    "ApiKeyNotFoundProblem",
    "ApiKeyNotFoundProblemCode",
    "ApiKeyNotFoundProblemStatus",
    "ApiKeySummary",
    "ApiKeySummaryScopesItem",
    "BadRequestProblem",
    "BadRequestProblemCode",
    "BadRequestProblemStatus",
    "ConsoleApiKeyForm",
    "ConsoleApiKeyFormMode",
    "ConsoleApiKeyFormScopesItem",
    "ConsoleCsrfForm",
    "ConsoleInspectorForm",
    "ConsoleInviteForm",
    "ConsoleInviteFormLanguage",
    "ConsoleInviteFormRole",
    "ConsoleRoleForm",
    "ConsoleRoleFormRole",
    "ConsoleSendForm",
    "ConsoleSendFormDelivery",
    "ConsoleSendFormExpiry",
    "ConsoleSendFormLocale",
    "ConsoleSignInForm",
    "Contact",
    "EcPublicJwk",
    "EmailRequest",
    "ExorLiveGoPayload",
    "ExorLiveMainPayload",
    "ExportConsoleAuditAction",
    "ExportConsoleAuditOutcome",
    "GenerateConflictProblem",
    "GenerateConflictProblemCode",
    "GenerateConflictProblemStatus",
    "GenerateForbiddenProblem",
    "GenerateForbiddenProblemCode",
    "GenerateForbiddenProblemStatus",
    "GenerateJWTRequest",
    "GenerateJWTRequestLocale",
    "GenerateJWTResponse",
    "GenerateJWTResponseAlg",
    "GenerateJWTResponseDelivery",
    "GenerateNotFoundProblem",
    "GenerateNotFoundProblemCode",
    "GenerateNotFoundProblemStatus",
    "GenerateUnavailableProblem",
    "GenerateUnavailableProblemCode",
    "GenerateUnavailableProblemStatus",
    "GenericPayload",
    "GetOpenApiJsonResponse200",
    "GetOpenApiJsonResponse200Info",
    "GetOpenApiJsonResponse200Paths",
    "GetOpenApiResponse200",
    "GetOpenApiResponse200Info",
    "GetOpenApiResponse200Paths",
    "GetTestInboxResponse200",
    "GetTestInboxResponse200MessagesItem",
    "HealthzResponse200",
    "InspectTokenRequest",
    "InspectTokenRequestJwks",
    "InspectTokenRequestJwksKeysItem",
    "InsufficientScopeProblem",
    "InsufficientScopeProblemCode",
    "InsufficientScopeProblemStatus",
    "InternalErrorProblem",
    "InternalErrorProblemCode",
    "InternalErrorProblemStatus",
    "Jwks",
    "KeysetNotFoundProblem",
    "KeysetNotFoundProblemCode",
    "KeysetNotFoundProblemStatus",
    "KeyUnavailableProblem",
    "KeyUnavailableProblemCode",
    "KeyUnavailableProblemStatus",
    "LinkDetail",
    "LinkDetailEventsItem",
    "LinkDetailEventsItemType",
    "LinkDetailLocaleType0",
    "LinkDetailState",
    "LinkNotFoundProblem",
    "LinkNotFoundProblemCode",
    "LinkNotFoundProblemStatus",
    "LinkSummary",
    "LinkSummaryState",
    "ListApiKeysResponse200",
    "ListLinksResponse200",
    "ListLinksState",
    "ListWebhookDeliveriesResponse200",
    "ListWebhookEventsResponse200",
    "ListWebhooksResponse200",
    "MethodNotAllowedProblem",
    "MethodNotAllowedProblemCode",
    "MethodNotAllowedProblemStatus",
    "NewWebhookEndpoint",
    "NotFoundProblem",
    "NotFoundProblemCode",
    "NotFoundProblemStatus",
    "PayloadTooLargeProblem",
    "PayloadTooLargeProblemCode",
    "PayloadTooLargeProblemStatus",
    "Problem",
    "ProblemErrors",
    "ProfileNotFoundProblem",
    "ProfileNotFoundProblemCode",
    "ProfileNotFoundProblemStatus",
    "RateLimitedProblem",
    "RateLimitedProblemCode",
    "RateLimitedProblemStatus",
    "Readiness",
    "ReadinessDatabase",
    "ReadinessKeysets",
    "ReadinessKeysetsAdditionalProperty",
    "ReadinessStatus",
    "RelyingPartyErrorProblem",
    "RelyingPartyErrorProblemCode",
    "RelyingPartyErrorProblemStatus",
    "RenewLaunchLinkBody",
    "RsaPublicJwk",
    "RsaPublicJwkAlg",
    "ServiceIndex",
    "ShowConsoleAuditAction",
    "ShowConsoleAuditOutcome",
    "ShowConsoleLinksState",
    "ShowConsoleOverviewChartChart",
    "ShowConsoleUsersDone",
    "TestKeyRequiredProblem",
    "TestKeyRequiredProblemCode",
    "TestKeyRequiredProblemStatus",
    "TokenInspection",
    "TokenInspectionClaimsType0",
    "TokenInspectionExpectedType0",
    "TokenInspectionHeaderType0",
    "TokenInspectionKeys",
    "TokenInspectionKeysSource",
    "TokenInspectionRulesItem",
    "TokenInspectionRulesItemResult",
    "TokenInspectionRulesItemRule",
    "UnauthorizedProblem",
    "UnauthorizedProblemCode",
    "UnauthorizedProblemStatus",
    "UnknownQueryParameterProblem",
    "UnknownQueryParameterProblemCode",
    "UnknownQueryParameterProblemStatus",
    "UnsupportedMediaTypeProblem",
    "UnsupportedMediaTypeProblemCode",
    "UnsupportedMediaTypeProblemStatus",
    "UseLaunchLinkBody",
    "ValidationProblem",
    "ValidationProblemCode",
    "ValidationProblemStatus",
    "WebhookDelivery",
    "WebhookDeliveryState",
    "WebhookDisabledProblem",
    "WebhookDisabledProblemCode",
    "WebhookDisabledProblemStatus",
    "WebhookEndpointFields",
    "WebhookEndpointFieldsState",
    "WebhookEndpointWithSecret",
    "WebhookEventData",
    "WebhookEventDataReason",
    "WebhookEventDataState",
    "WebhookEventRecord",
    "WebhookEventType",
    "WebhookNotFoundProblem",
    "WebhookNotFoundProblemCode",
    "WebhookNotFoundProblemStatus",
    "WebhookPayload",
    "WebhookValidationFailedProblem",
    "WebhookValidationFailedProblemCode",
    "WebhookValidationFailedProblemStatus",
)
