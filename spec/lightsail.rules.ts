import { defineRules } from './rule.ts';

const DOC = 'aws-docs/lightsail-send-contact-method-verification.txt';
const MODEL = 'aws-models/lightsail-2016-11-28.json';
const SEND = 'SendContactMethodVerification';

export const lightsailRules = defineRules([
  {
    id: 'LIGHTSAIL.SEND.PROTOCOL_REQUIRED',
    service: 'lightsail',
    operation: SEND,
    kind: 'shape',
    statement: 'A SendContactMethodVerification request without protocol is rejected with a documented client error (4xx), never accepted and never a 5xx.',
    quote: 'protocol (string) -- [REQUIRED] The protocol to verify, such as Email or SMS (text messaging).',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.SEND.SMS_REJECTED',
    service: 'lightsail',
    operation: SEND,
    kind: 'state',
    statement:
      'Only Email can be verified: SendContactMethodVerification with protocol SMS is rejected with InvalidInputException (4xx), whether or not an SMS contact method exists.',
    quote: "SMS contact methods don't need to be verified.",
    source: DOC,
    contradiction: {
      note: 'The protocol parameter is described as "The protocol to verify, such as Email or SMS (text messaging)", as if SMS could be verified, while the operation\'s prose says SMS contact methods need no verification and the API model\'s ContactMethodVerificationProtocol enum holds only Email.',
      reading: 'The prose and the enum agree, so the check uses them: protocol SMS is not a valid input and must be rejected with InvalidInputException.',
    },
  },
  {
    id: 'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT',
    service: 'lightsail',
    operation: SEND,
    kind: 'error',
    statement:
      'Sending an Email verification in a region that has no email contact method (none yet, only an SMS one, or the email one deleted) is answered with a documented error (ServiceException, InvalidInputException, OperationFailureException, UnauthenticatedException, AccessDeniedException or NotFoundException) with a 4xx status, never success and never a 5xx.',
    quote: "Sends a verification request to an email contact method to ensure it's owned by the requester.",
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL',
    service: 'lightsail',
    operation: 'CreateContactMethod',
    kind: 'limit',
    statement:
      'A region has at most one email and one SMS contact method: a second CreateContactMethod of a protocol the region already has is either rejected with a documented client error or replaces the first, and GetContactMethods never lists two of the same protocol in a region.',
    quote: 'You can add one email address and one mobile phone number contact method in each Amazon Web Services Region.',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.CONTACT.SMS_REGIONS',
    service: 'lightsail',
    operation: 'CreateContactMethod',
    kind: 'limit',
    statement:
      'An SMS contact method can be created only in the regions the Lightsail API Reference (CreateContactMethod: "The SMS protocol is supported only in the following AWS Regions.") names: us-east-1, us-west-2, eu-west-1, ap-northeast-1, ap-southeast-1, ap-southeast-2; in any other region CreateContactMethod with protocol SMS is rejected with a documented client error (4xx) and nothing is created.',
    quote: 'However, SMS text messaging is not supported in some Amazon Web Services Regions',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE',
    service: 'lightsail',
    operation: 'CreateContactMethod',
    kind: 'state',
    statement:
      'A new email contact method is PendingVerification (GetContactMethods) until its link is followed; creating it sends the first verification request.',
    quote: 'A verification request is sent to the contact method when you initially create it.',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.VERIFY.LINK_MAKES_VALID',
    service: 'lightsail',
    operation: SEND,
    kind: 'state',
    statement: 'Following the link of the newest verification request makes the email contact method Valid (GetContactMethods), and it stays Valid.',
    quote: 'Notifications are not sent to an email contact method until after it is verified, and confirmed as valid.',
    source: DOC,
    needs: ['inbox'],
    // "Valid after the link" is observed only on a method that was PendingVerification before it.
    dependsOn: ['LIGHTSAIL.CONTACT.PENDING_ON_CREATE'],
  },
  {
    id: 'LIGHTSAIL.VERIFY.RESEND',
    service: 'lightsail',
    operation: SEND,
    kind: 'state',
    statement:
      'While the email contact method is not yet verified, SendContactMethodVerification with protocol Email succeeds (also after the previous request has expired, and again and again) and sends a new verification message.',
    quote: 'Use this action to send another verification request if a previous verification request was deleted, or has expired.',
    source: DOC,
    // A resend "while unverified" is observed only on a method the target holds PendingVerification.
    dependsOn: ['LIGHTSAIL.CONTACT.PENDING_ON_CREATE'],
  },
  {
    id: 'LIGHTSAIL.SEND.RESPONSE_SHAPE',
    service: 'lightsail',
    operation: SEND,
    kind: 'shape',
    statement:
      'A successful SendContactMethodVerification answers a non-empty operations list; each operation has a non-empty id, and createdAt and statusChangedAt, where present, are timestamps.',
    quote:
      'An array of objects that describe the result of the action, such as the status of the request, the timestamp of the request, and the resources affected by the request.',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.SEND.OPERATION_TYPE',
    service: 'lightsail',
    operation: SEND,
    kind: 'shape',
    statement: 'Each operation of a SendContactMethodVerification answer has resourceType ContactMethod and operationType SendContactMethodVerification.',
    quote: 'Describes the API operation.',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.SEND.OPERATION_REGION',
    service: 'lightsail',
    operation: SEND,
    kind: 'shape',
    statement: 'Each operation of a SendContactMethodVerification answer has location.regionName equal to the region of the client that sent it.',
    quote: 'The Amazon Web Services Region and Availability Zone.',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.ENUMS',
    service: 'lightsail',
    operation: SEND,
    kind: 'enum',
    statement:
      "Operation status, resourceType, operationType and location.regionName, and a contact method's status and protocol, are members of the documented enums (exact case); values the installed SDK added since the document was written (new regions, resource and operation types: see the enum drift test) are accepted as members too.",
    quote: "'status': 'NotStarted'|'Started'|'Failed'|'Completed'|'Succeeded',",
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.CONTACT.GET_MATCHES',
    service: 'lightsail',
    operation: 'GetContactMethods',
    kind: 'state',
    statement:
      "GetContactMethods lists, for the client's region, exactly the contact methods that exist there (protocol and contactEndpoint), and with protocols only those protocols.",
    quote: '{"type": "structure", "members": {"contactMethods": {"shape": "ContactMethodsList"}}}',
    source: `${MODEL}#/shapes/GetContactMethodsResult`,
  },
  {
    id: 'LIGHTSAIL.CONTACT.DELETE',
    service: 'lightsail',
    operation: 'DeleteContactMethod',
    kind: 'state',
    statement: 'DeleteContactMethod of an existing protocol succeeds and the contact method is no longer listed by GetContactMethods in that region.',
    quote: '{"type": "structure", "required": ["protocol"], "members": {"protocol": {"shape": "ContactProtocol"}}}',
    source: `${MODEL}#/shapes/DeleteContactMethodRequest`,
  },
  {
    id: 'LIGHTSAIL.ERRORS.DOCUMENTED',
    service: 'lightsail',
    operation: '*',
    kind: 'error',
    statement:
      'Every error is one the documents list for its operation (ServiceException, InvalidInputException, OperationFailureException, UnauthenticatedException, AccessDeniedException, NotFoundException); the client errors among them come with a 4xx status, and a client mistake (a missing or invalid protocol, no contact method, an unsupported region) is never answered with a 5xx.',
    quote:
      'Exceptions • Lightsail.Client.exceptions.ServiceException • Lightsail.Client.exceptions.InvalidInputException • Lightsail.Client.exceptions.OperationFailureException • Lightsail.Client.exceptions.UnauthenticatedException • Lightsail.Client.exceptions.AccessDeniedException • Lightsail.Client.exceptions.NotFoundException',
    source: DOC,
  },
]);
